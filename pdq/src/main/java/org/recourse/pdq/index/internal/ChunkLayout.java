package org.recourse.pdq.index.internal;

/**
 * Multi-index hashing's cut of the 256 bits into 11 disjoint chunks. If two hashes are within
 * distance d, by the pigeonhole principle some chunk differs in at most d / 11 bits: at the
 * industry threshold of 31 that is 2 bits, and 11 chunks is the fewest for which it is 2 rather
 * than 3 (8 chunks, the fewest at radius 3, measured 3–5 times slower per query; BENCHMARKS.md).
 *
 * <p>Chunk 0 is the top 26 bits of word 3. It costs no table (a {@link Segment} keeps its rows
 * sorted by it), so it is the widest; chunks 1–10 are 23 bits each from bit 0 up, and each costs
 * a table entry per hash whose size grows with the chunk's width.
 */
final class ChunkLayout {

    static final int COUNT = 11;
    static final int MAX_RADIUS = 2;

    /** Width of chunk 0, the top bits of word 3. */
    static final int SORTED_WIDTH = 26;
    /** Width of each tabled chunk (1–10). */
    static final int TABLED_WIDTH = 23;

    private ChunkLayout() {}

    static int width(int chunk) {
        return chunk == 0 ? SORTED_WIDTH : TABLED_WIDTH;
    }

    /** The per-chunk radius that pigeonhole guarantees for a total distance. */
    static int radius(int maxDistance) {
        return maxDistance / COUNT;
    }

    /** Chunk {@code chunk} of the hash held in {@code words[base..base+3]}. */
    static int of(long[] words, int base, int chunk) {
        if (chunk == 0) {
            return (int) (words[base + 3] >>> (64 - SORTED_WIDTH));
        }
        int w = firstWord(chunk);
        return tabled(chunk, words[base + w], w < 3 ? words[base + w + 1] : 0);
    }

    /** The word (0–3) in which tabled chunk {@code chunk} (1–10) begins; it may run into the next. */
    static int firstWord(int chunk) {
        return (chunk - 1) * TABLED_WIDTH >>> 6;
    }

    /** Tabled chunk {@code chunk} (1–10), from the word it begins in and the word after that. */
    static int tabled(int chunk, long word, long next) {
        int shift = (chunk - 1) * TABLED_WIDTH & 63;
        long bits = word >>> shift;
        if (shift + TABLED_WIDTH > 64) {
            bits |= next << (64 - shift);
        }
        return (int) (bits & ((1L << TABLED_WIDTH) - 1));
    }
}
