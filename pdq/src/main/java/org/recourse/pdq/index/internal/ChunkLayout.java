package org.recourse.pdq.index.internal;

/**
 * Multi-index hashing's cut of the 256 bits into 11 chunks (3 of 24 bits, 8 of 23). If two
 * hashes are within distance d, by the pigeonhole principle some chunk differs in at most
 * d / 11 bits: at the industry threshold of 31 that is 2 bits, and 11 chunks is the fewest for
 * which it is 2 rather than 3. Fewer chunks would save memory (each chunk but the first costs
 * a table of about 3.8 bytes per hash) but at radius 3 a lookup visits about 6 times as many
 * buckets per chunk; 8 chunks, the fewest at radius 3, measured 3–5 times slower per query
 * (BENCHMARKS.md).
 */
final class ChunkLayout {

    static final int COUNT = 11;
    static final int MAX_RADIUS = 2;

    private static final int[] WIDTHS = {24, 24, 24, 23, 23, 23, 23, 23, 23, 23, 23};
    private static final int[] OFFSETS = offsets();

    private ChunkLayout() {}

    private static int[] offsets() {
        int[] offsets = new int[COUNT];
        for (int c = 1; c < COUNT; c++) {
            offsets[c] = offsets[c - 1] + WIDTHS[c - 1];
        }
        return offsets;
    }

    static int width(int chunk) {
        return WIDTHS[chunk];
    }

    /** The per-chunk radius that pigeonhole guarantees for a total distance. */
    static int radius(int maxDistance) {
        return maxDistance / COUNT;
    }

    /** Chunk {@code chunk} of the hash held in {@code words[base..base+3]}. */
    static int of(long[] words, int base, int chunk) {
        int offset = OFFSETS[chunk];
        int word = offset >>> 6;
        int shift = offset & 63;
        long bits = words[base + word] >>> shift;
        if (shift + WIDTHS[chunk] > 64) {
            bits |= words[base + word + 1] << (64 - shift);
        }
        return (int) (bits & ((1L << WIDTHS[chunk]) - 1));
    }
}
