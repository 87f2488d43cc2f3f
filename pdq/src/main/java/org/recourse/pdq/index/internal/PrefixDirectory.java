package org.recourse.pdq.index.internal;

import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Where the rows of each chunk prefix start, for positions grouped by the top bits of a chunk
 * value: bucket b spans positions {@code start[b]} to {@code start[b + 1]}. A lookup within
 * radius r visits every bucket whose prefix is within r bits of the query's and then needs
 * only the remaining low bits (the residual) of each entry.
 *
 * <p>The prefix grows with the segment so that a bucket holds about 8–16 rows: small buckets
 * mean few entries to scan, but each extra prefix bit adds neighbour buckets to visit, and
 * every visit is a random memory access (measured at 1 M hashes: 8–16 per bucket was faster
 * than 16–32).
 */
final class PrefixDirectory {

    private static final int MIN_PREFIX_BITS = 16;
    private static final int MAX_PREFIX_BITS = 20;
    private static final int ROWS_PER_BUCKET_BITS = 3;

    /** For p prefix bits and radius r, every p-bit mask with at most r bits set, ascending. */
    private static final int[][][] MASKS_WITHIN = masksWithin();

    private final int prefixBits;
    private final int residualBits;
    private final int[] start;

    /** Counts the rows of each prefix; {@code chunkOfRow} gives a row's chunk value. */
    PrefixDirectory(int size, int chunkWidth, IntUnaryOperator chunkOfRow) {
        int log2 = 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1));
        this.prefixBits = Math.max(MIN_PREFIX_BITS, Math.min(MAX_PREFIX_BITS, log2 - ROWS_PER_BUCKET_BITS));
        this.residualBits = chunkWidth - prefixBits;
        int buckets = 1 << prefixBits;
        this.start = new int[buckets + 1];
        for (int row = 0; row < size; row++) {
            start[prefix(chunkOfRow.applyAsInt(row)) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
    }

    /** The first position of every bucket, for a builder to place entries with. */
    int[] bucketStarts() {
        return start.clone();
    }

    int residualBits() {
        return residualBits;
    }

    int prefix(int value) {
        return value >>> residualBits;
    }

    int residual(int value) {
        return value & ((1 << residualBits) - 1);
    }

    /** The prefix masks a lookup within {@code radius} visits: bucket = query prefix ^ mask. */
    int[] masks(int radius) {
        return MASKS_WITHIN[prefixBits][radius];
    }

    /** Writes the start and end of bucket {@code prefix(value) ^ masks[m]} to {@code bounds[2m], bounds[2m+1]}. */
    void fillBounds(int value, int[] masks, int[] bounds) {
        int queryPrefix = prefix(value);
        for (int m = 0; m < masks.length; m++) {
            int bucket = queryPrefix ^ masks[m];
            bounds[2 * m] = start[bucket];
            bounds[2 * m + 1] = start[bucket + 1];
        }
    }

    long memoryBytes() {
        return 4L * start.length;
    }

    /** Room for the bounds of the largest lookup. */
    static int[] newBounds() {
        return new int[2 * MASKS_WITHIN[MAX_PREFIX_BITS][ChunkLayout.MAX_RADIUS].length];
    }

    private static int[][][] masksWithin() {
        int[][][] masks = new int[MAX_PREFIX_BITS + 1][ChunkLayout.MAX_RADIUS + 1][];
        for (int bits = MIN_PREFIX_BITS; bits <= MAX_PREFIX_BITS; bits++) {
            for (int radius = 0; radius <= ChunkLayout.MAX_RADIUS; radius++) {
                int within = radius;
                masks[bits][radius] = IntStream.range(0, 1 << bits).filter(mask -> Integer.bitCount(mask) <= within).toArray();
            }
        }
        return masks;
    }
}
