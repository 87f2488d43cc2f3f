package org.recourse.pdq.index.internal;

/**
 * Multi-index hashing's chunks: 8 disjoint runs of bits, chunk 0 of 32 bits and chunks 1–7 of
 * 29 (235 of the 256 bits; the rest are only compared when candidates are verified). If two
 * hashes are within distance d, some chunk differs in at most d / 8 bits (pigeonhole: 8 chunks
 * each differing in d / 8 + 1 bits or more would add up to more than d), so the chunks need not
 * cover the whole hash. At the industry threshold of 31 that is 3 bits per chunk.
 *
 * <p>Eight chunks rather than more because every chunk but the first costs a table of about
 * four bytes per hash; chunk 0 costs only a directory because segments keep their rows sorted
 * by it, so it can be wider at no cost.
 */
final class ChunkLayout {

    static final int COUNT = 8;
    static final int MAX_RADIUS = 3;

    private static final int[] WIDTHS = {32, 29, 29, 29, 29, 29, 29, 29};
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
