package org.recourse.pdq.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recourse.pdq.Hash256;

/** {@link PdqIndex#searchAll} returns for every query of a batch exactly what a brute-force scan returns. */
class PdqIndexBatchSearchTest {

    /** 0 and 31–33 around the tabled radius's edges; 40 and 63 take the scan path. */
    private static final int[] DISTANCES = {0, 1, 10, 21, 22, 31, 32, 33, 40, 63};

    /**
     * A bulk-loaded segment, segments sealed from the buffer (one of them merged), hashes still
     * in the buffer, and removals in all of them; a batch of more than two query groups whose
     * last group is partial, with near-duplicates of stored hashes (some that only one chunk's
     * lookup can find) and a query repeated.
     */
    @Test
    void agreesWithBruteForceAcrossSegmentsTheBufferAndRemovals() {
        RandomHashes random = new RandomHashes(31);
        PdqIndex index = new PdqIndex();
        BruteForce reference = new BruteForce();
        List<Hash256> stored = new ArrayList<>();
        long[] ids = new long[40_000];
        Hash256[] hashes = new Hash256[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 5_000_000L + i;
            hashes[i] = i % 4 == 1 ? random.flip(hashes[i - 1], random.nextInt(41)) : random.next();
            reference.add(ids[i], hashes[i]);
            stored.add(hashes[i]);
        }
        index.addAll(ids, hashes);
        for (long id = 0; id < 3 * PdqIndex.BUFFER_CAPACITY + 1_000; id++) {
            Hash256 hash = id % 3 == 0 ? random.flip(stored.get(random.nextInt(stored.size())), random.nextInt(41)) : random.next();
            index.add(id, hash);
            reference.add(id, hash);
            stored.add(hash);
        }
        for (long id = 1; id < 3 * PdqIndex.BUFFER_CAPACITY + 1_000; id += 7) {
            assertThat(index.remove(id)).isEqualTo(1);
            reference.remove(id);
        }
        for (long id = 5_000_000L; id < 5_040_000L; id += 11) {
            assertThat(index.remove(id)).isEqualTo(1);
            reference.remove(id);
        }

        Hash256[] batch = new Hash256[600];
        for (int q = 0; q < batch.length; q++) {
            batch[q] = q % 3 == 2 ? random.next() : random.flip(stored.get(random.nextInt(stored.size())), random.nextInt(41));
        }
        for (int q = 0; q < 110; q++) {
            batch[q] = nearInOneChunkOnly(stored.get(random.nextInt(stored.size())), q % 11, random);
        }
        batch[599] = batch[0];
        List<List<Match>> everything = new ArrayList<>();
        for (Hash256 query : batch) {
            everything.add(reference.search(query, PdqIndex.MAX_SUPPORTED_DISTANCE));
        }
        for (int q = 0; q < 110; q++) {
            assertThat(index.search(batch[q], 31)).as("single search, query %d", q).isEqualTo(everything.get(q).stream()
                    .filter(match -> match.distance() <= 31).toList());
        }
        int matchesAt31 = 0;
        for (int d : DISTANCES) {
            List<List<Match>> results = index.searchAll(batch, d);
            assertThat(results).hasSize(batch.length);
            for (int q = 0; q < batch.length; q++) {
                int within = d;
                List<Match> expected = everything.get(q).stream().filter(match -> match.distance() <= within).toList();
                assertThat(results.get(q)).as("query %d at distance %d", q, d).isEqualTo(expected);
                if (d == 31) {
                    matchesAt31 += expected.size();
                }
            }
        }
        assertThat(matchesAt31).as("matches at 31 over the batch").isGreaterThan(300);
    }

    /**
     * A copy of {@code base} at distance 30 or 31 whose only chunk within the per-chunk radius
     * of 2 is {@code chunk}, so that only that chunk's lookup can find it: 3 bits flipped in
     * every other chunk, 0 or 1 in this one. The index cuts hashes into chunk 0, the top 26 bits
     * (230–255), and chunks 1–10 of 23 bits from bit 0 up.
     */
    private static Hash256 nearInOneChunkOnly(Hash256 base, int chunk, RandomHashes random) {
        long[] words = base.words();
        for (int c = 0; c < 11; c++) {
            int from = c == 0 ? 230 : 23 * (c - 1);
            int width = c == 0 ? 26 : 23;
            int flips = c == chunk ? random.nextInt(2) : 3;
            long flipped = 0;
            while (Long.bitCount(flipped) < flips) {
                flipped |= 1L << random.nextInt(width);
            }
            for (int i = 0; i < width; i++) {
                if ((flipped & 1L << i) != 0) {
                    words[(from + i) >>> 6] ^= 1L << ((from + i) & 63);
                }
            }
        }
        return Hash256.fromWords(words);
    }

    @Test
    void anEmptyBatchAndAnEmptyIndexGiveEmptyResults() {
        PdqIndex index = new PdqIndex();
        assertThat(index.searchAll(new Hash256[0], 31)).isEmpty();
        Hash256 hash = new RandomHashes(3).next();
        assertThat(index.searchAll(new Hash256[] {hash, hash}, 31)).containsExactly(List.of(), List.of());

        index.addAll(new long[] {7}, new Hash256[] {hash});
        index.add(8, hash);
        assertThat(index.searchAll(new Hash256[0], 31)).isEmpty();
        assertThat(index.searchAll(new Hash256[] {hash}, 0)).containsExactly(List.of(new Match(7, 0), new Match(8, 0)));
    }

    @Test
    void rejectsDistancesOutsideTheSupportedRange() {
        PdqIndex index = new PdqIndex();
        Hash256[] batch = {Hash256.ZERO};
        assertThatThrownBy(() -> index.searchAll(batch, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.searchAll(batch, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
