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
            addToBoth(index, reference, id++, base);
            int copies = random.nextInt(4);
            for (int c = 0; c < copies && id < 200_000; c++) {
                Hash256 nearDuplicate = random.flip(base, random.nextInt(41));
                addToBoth(index, reference, id++, nearDuplicate);
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
            addToBoth(index, reference, i, hash);
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
            addToBoth(index, reference, id, hash);
        }
        for (long id = 0; id < 20_000; id += 3) {
            assertThat(index.remove(id)).isEqualTo(1);
            reference.remove(id);
        }
        assertThat(index.remove(3)).as("already removed").isZero();
        assertThat(index.size()).isEqualTo(20_000 - 6_667);
        for (int i = 0; i < 10_000; i++) {
            Hash256 hash = random.flip(base, random.nextInt(30));
            addToBoth(index, reference, 100_000 + i, hash);
        }
        assertThat(index.search(base, 31)).isEqualTo(reference.search(base, 31)).isNotEmpty();
        assertThat(index.search(base, 31)).noneMatch(match -> match.id() < 20_000 && match.id() % 3 == 0);
    }

    /**
     * Segments keep ids as offsets from their smallest id, packed to the bits the range needs:
     * ids at both ends of the long range, negative ids and one id shared by several hashes must
     * come back exactly, and removal must find them.
     */
    @Test
    void idsAnywhereInTheLongRangeComeBackExactly() {
        RandomHashes random = new RandomHashes(13);
        PdqIndex index = new PdqIndex();
        BruteForce reference = new BruteForce();
        Hash256 base = random.next();
        long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1};
        long[] ids = new long[20_000];
        Hash256[] hashes = new Hash256[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i < extremes.length ? extremes[i] : i % 3 == 0 ? 42 : random.next().w0();
            hashes[i] = i % 4 == 0 ? random.flip(base, random.nextInt(32)) : random.next();
            reference.add(ids[i], hashes[i]);
        }
        index.addAll(ids, hashes);
        for (int i = 0; i < 10_000; i++) {
            long id = i % 2 == 0 ? Long.MIN_VALUE + i : Long.MAX_VALUE - i;
            Hash256 hash = i % 4 == 0 ? random.flip(base, random.nextInt(32)) : random.next();
            addToBoth(index, reference, id, hash);
        }
        for (int d : DISTANCES) {
            assertThat(index.search(base, d)).as("distance %d", d).isEqualTo(reference.search(base, d));
        }
        assertThat(index.search(base, 31)).extracting(Match::id).contains(Long.MIN_VALUE, 42L);

        assertThat(reference.count(42)).isGreaterThan(6_000);
        assertThat(reference.count(Long.MIN_VALUE)).as("in the bulk segment and in the buffer").isEqualTo(2);
        for (long id : new long[] {42, Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, Long.MAX_VALUE - 1}) {
            assertThat(index.remove(id)).as("id %d", id).isEqualTo(reference.count(id));
            reference.remove(id);
        }
        assertThat(index.remove(Long.MIN_VALUE)).isZero();
        for (int d : DISTANCES) {
            assertThat(index.search(base, d)).as("distance %d after removals", d).isEqualTo(reference.search(base, d));
        }
    }

    /**
     * Rows are reordered when a segment is built (sorted by chunk 0) and again when segments
     * merge; removals made between merges, including every row of a sealed buffer (an empty
     * segment), must keep results exact.
     */
    @Test
    void removalsAcrossSealsAndMergesKeepResultsExact() {
        RandomHashes random = new RandomHashes(17);
        PdqIndex index = new PdqIndex();
        BruteForce reference = new BruteForce();
        Hash256 base = random.next();
        long id = 0;
        for (int round = 0; round < 12; round++) {
            long roundStart = id;
            for (int i = 0; i < PdqIndex.BUFFER_CAPACITY; i++) {
                Hash256 hash = i % 3 == 0 ? random.flip(base, random.nextInt(34)) : random.next();
                addToBoth(index, reference, id++, hash);
            }
            long step = round == 3 ? 1 : 5;
            for (long victim = roundStart; victim < id; victim += step) {
                assertThat(index.remove(victim)).isEqualTo(1);
                reference.remove(victim);
            }
            Hash256 query = random.flip(base, random.nextInt(8));
            for (int d : DISTANCES) {
                assertThat(index.search(query, d)).as("round %d, distance %d", round, d).isEqualTo(reference.search(query, d));
            }
        }
        assertThat(index.size()).isEqualTo(12 * PdqIndex.BUFFER_CAPACITY - 11 * (PdqIndex.BUFFER_CAPACITY / 5 + 1) - PdqIndex.BUFFER_CAPACITY);
    }

    /**
     * Many copies of one image's hash fill single buckets of every chunk: past 255 rows in a few
     * buckets the directories take wider offsets, past 65 535 in one bucket plain starts.
     */
    @Test
    void crowdedBucketsKeepResultsExact() {
        RandomHashes random = new RandomHashes(23);
        for (int copies : new int[] {300, 70_000}) {
            PdqIndex index = new PdqIndex();
            BruteForce reference = new BruteForce();
            Hash256 popular = random.next();
            long[] ids = new long[copies + 20_000];
            Hash256[] hashes = new Hash256[ids.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
                hashes[i] = i < copies ? popular : i % 2 == 0 ? random.flip(popular, random.nextInt(41)) : random.next();
                reference.add(ids[i], hashes[i]);
            }
            index.addAll(ids, hashes);
            for (int q = 0; q < 5; q++) {
                Hash256 query = random.flip(popular, random.nextInt(20));
                for (int d : DISTANCES) {
                    assertThat(index.search(query, d)).as("%d copies, distance %d", copies, d).isEqualTo(reference.search(query, d));
                }
            }
            assertThat(index.search(popular, 0)).hasSizeGreaterThanOrEqualTo(copies);
        }
    }

    @Test
    void findsAnExactCopyAtDistanceZero() {
        PdqIndex index = new PdqIndex();
        Hash256 hash = Hash256.fromHex("d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22");
        index.add(42, hash);
        assertThat(index.search(hash, 0)).containsExactly(new Match(42, 0));
        assertThat(index.search(hash)).containsExactly(new Match(42, 0));

        PdqIndex bulk = new PdqIndex();
        bulk.addAll(new long[] {-7}, new Hash256[] {hash});
        assertThat(bulk.search(hash, 0)).as("a segment of one row").containsExactly(new Match(-7, 0));
        assertThat(bulk.remove(-7)).isEqualTo(1);
        assertThat(bulk.search(hash, 63)).isEmpty();
    }

    @Test
    void rejectsDistancesOutsideTheSupportedRange() {
        PdqIndex index = new PdqIndex();
        assertThatThrownBy(() -> index.search(Hash256.ZERO, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search(Hash256.ZERO, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The index under test and the brute-force reference always get the same hashes. */
    private static void addToBoth(PdqIndex index, BruteForce reference, long id, Hash256 hash) {
        index.add(id, hash);
        reference.add(id, hash);
    }
}
