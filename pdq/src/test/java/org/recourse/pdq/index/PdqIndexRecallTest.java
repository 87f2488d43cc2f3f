package org.recourse.pdq.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recourse.pdq.Hash256;

/** 100 % recall: the index returns exactly what a brute-force scan returns. */
class PdqIndexRecallTest {

    private static final int[] DISTANCES = {0, 1, 10, 11, 21, 22, 31, 32, 33, 40, 63};

    @Test
    void agreesWithBruteForceOn200000HashesWithNearDuplicates() {
        RandomHashes random = new RandomHashes(20260522L);
        PdqIndex index = new PdqIndex();
        BruteForce reference = new BruteForce();
        List<Hash256> bases = new ArrayList<>();
        long id = 0;
        while (id < 200_000) {
            Hash256 base = random.next();
            bases.add(base);
            index.add(id, base);
            reference.add(id++, base);
            int copies = random.nextInt(4);
            for (int c = 0; c < copies && id < 200_000; c++) {
                Hash256 nearDuplicate = random.flip(base, random.nextInt(41));
                index.add(id, nearDuplicate);
                reference.add(id++, nearDuplicate);
            }
        }
        assertThat(index.size()).isEqualTo(200_000);

        int queriesWithMatches = 0;
        for (int q = 0; q < 100; q++) {
            Hash256 query = q % 3 == 2 ? random.next() : random.flip(bases.get(random.nextInt(bases.size())), random.nextInt(41));
            for (int d : DISTANCES) {
                List<Match> expected = reference.search(query, d);
                assertThat(index.search(query, d)).as("query %s at distance %d", query, d).isEqualTo(expected);
                if (d == 31 && !expected.isEmpty()) {
                    queriesWithMatches++;
                }
            }
        }
        assertThat(queriesWithMatches).as("queries that have matches at 31").isGreaterThan(30);
    }

    @Test
    void bulkLoadedAndIncrementallyAddedHashesAreFoundTogether() {
        RandomHashes random = new RandomHashes(7);
        PdqIndex index = new PdqIndex();
        BruteForce reference = new BruteForce();
        long[] ids = new long[30_000];
        Hash256[] hashes = new Hash256[ids.length];
        Hash256 base = random.next();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1_000_000L + i;
            hashes[i] = i % 10 == 0 ? random.flip(base, random.nextInt(33)) : random.next();
            reference.add(ids[i], hashes[i]);
        }
        index.addAll(ids, hashes);
        for (int i = 0; i < 5_000; i++) {
            Hash256 hash = i % 7 == 0 ? random.flip(base, random.nextInt(33)) : random.next();
            index.add(i, hash);
            reference.add(i, hash);
        }
        for (int d : DISTANCES) {
            assertThat(index.search(base, d)).isEqualTo(reference.search(base, d));
        }
        assertThat(index.search(base, 32)).hasSizeGreaterThan(3_000);
    }

    @Test
    void removedHashesAreNotFoundAndOthersStay() {
        RandomHashes random = new RandomHashes(11);
        PdqIndex index = new PdqIndex();
        BruteForce reference = new BruteForce();
        Hash256 base = random.next();
        for (long id = 0; id < 20_000; id++) {
            Hash256 hash = id % 5 == 0 ? random.flip(base, random.nextInt(30)) : random.next();
            index.add(id, hash);
            reference.add(id, hash);
        }
        for (long id = 0; id < 20_000; id += 3) {
            assertThat(index.remove(id)).isEqualTo(1);
            reference.remove(id);
        }
        assertThat(index.remove(3)).as("already removed").isZero();
        assertThat(index.size()).isEqualTo(20_000 - 6_667);
        for (int i = 0; i < 10_000; i++) {
            Hash256 hash = random.flip(base, random.nextInt(30));
            index.add(100_000 + i, hash);
            reference.add(100_000 + i, hash);
        }
        assertThat(index.search(base, 31)).isEqualTo(reference.search(base, 31)).isNotEmpty();
        assertThat(index.search(base, 31)).noneMatch(match -> match.id() < 20_000 && match.id() % 3 == 0);
    }

    @Test
    void findsAnExactCopyAtDistanceZero() {
        PdqIndex index = new PdqIndex();
        Hash256 hash = Hash256.fromHex("d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22");
        index.add(42, hash);
        assertThat(index.search(hash, 0)).containsExactly(new Match(42, 0));
        assertThat(index.search(hash)).containsExactly(new Match(42, 0));
    }

    @Test
    void rejectsDistancesOutsideTheSupportedRange() {
        PdqIndex index = new PdqIndex();
        assertThatThrownBy(() -> index.search(Hash256.ZERO, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search(Hash256.ZERO, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
