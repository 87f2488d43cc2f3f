package org.recourse.pdq.index.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One chunk's table: the rows sorted by their chunk value, with a directory on the value's top
 * 16–20 bits. Each posting is one int, the row (24 bits) with the chunk's remaining low bits
 * above it, so a bucket is scanned sequentially and only rows whose whole chunk is within the
 * radius cost a random access to the full hash.
 *
 * <p>The directory grows with the segment so that a bucket holds about 8–16 postings: small
 * buckets mean few cache lines per lookup, but each extra prefix bit adds neighbour buckets
 * (measured at 1 M hashes: 8–16 per bucket was faster than 16–32).
 */
final class ChunkTable {

    static final int ROW_BITS = 24;
    static final int MAX_ROWS = 1 << ROW_BITS;
    private static final int ROW_MASK = MAX_ROWS - 1;
    private static final int MIN_PREFIX_BITS = 16;
    private static final int MAX_PREFIX_BITS = 20;
    private static final int ROWS_PER_BUCKET_BITS = 3;

    /** For p prefix bits and radius r, every p-bit mask with at most r bits set. */
    private static final int[][][] PREFIX_MASKS_WITHIN = prefixMasks();

    /**
     * Written with a sum of the first posting of every bucket a lookup will scan. Those loads
     * have no branches between them, so the processor issues their cache misses together
     * instead of one bucket at a time; storing the sum keeps the JIT from dropping them.
     */
    @SuppressWarnings("unused")
    private int touchSink;

    private final int prefixBits;
    private final int residualBits;
    private final int[] start;
    private final int[] postings;

    ChunkTable(long[] words, int size, int chunk) {
        if (size > MAX_ROWS) {
            throw new IllegalArgumentException("a segment holds at most " + MAX_ROWS + " rows");
        }
        this.prefixBits = prefixBits(size);
        this.residualBits = ChunkLayout.width(chunk) - prefixBits;
        int buckets = 1 << prefixBits;
        this.start = new int[buckets + 1];
        for (int row = 0; row < size; row++) {
            start[prefix(ChunkLayout.of(words, 4 * row, chunk)) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] next = start.clone();
        this.postings = new int[size];
        for (int row = 0; row < size; row++) {
            int value = ChunkLayout.of(words, 4 * row, chunk);
            postings[next[prefix(value)]++] = residual(value) << ROW_BITS | row;
        }
    }

    private static int prefixBits(int size) {
        int log2 = 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1));
        return Math.max(MIN_PREFIX_BITS, Math.min(MAX_PREFIX_BITS, log2 - ROWS_PER_BUCKET_BITS));
    }

    private int prefix(int value) {
        return value >>> residualBits;
    }

    private int residual(int value) {
        return value & ((1 << residualBits) - 1);
    }

    long memoryBytes() {
        return 4L * start.length + 4L * postings.length;
    }

    /**
     * Appends every row whose chunk is within {@code radius} bits of {@code value}. The bucket
     * bounds, then the buckets' first postings, are read in passes of their own before any
     * bucket is scanned, so their cache misses overlap.
     */
    void collectRowsWithin(int value, int radius, int[] bucketBounds, CandidateRows out) {
        int[] masks = PREFIX_MASKS_WITHIN[prefixBits][radius];
        int queryPrefix = prefix(value);
        for (int m = 0; m < masks.length; m++) {
            int bucket = queryPrefix ^ masks[m];
            bucketBounds[2 * m] = start[bucket];
            bucketBounds[2 * m + 1] = start[bucket + 1];
        }
        int touched = 0;
        for (int m = 0; m < masks.length; m++) {
            int first = bucketBounds[2 * m];
            if (first < bucketBounds[2 * m + 1]) {
                touched += postings[first];
            }
        }
        touchSink = touched;
        int queryResidual = residual(value);
        for (int m = 0; m < masks.length; m++) {
            int budget = radius - Integer.bitCount(masks[m]);
            for (int p = bucketBounds[2 * m], end = bucketBounds[2 * m + 1]; p < end; p++) {
                int posting = postings[p];
                if (Integer.bitCount((posting >>> ROW_BITS) ^ queryResidual) <= budget) {
                    out.add(posting & ROW_MASK);
                }
            }
        }
    }

    static int maxBuckets() {
        return PREFIX_MASKS_WITHIN[MAX_PREFIX_BITS][ChunkLayout.MAX_RADIUS].length;
    }

    /** Masks of up to two set bits (the largest radius tables are used for), sorted. */
    private static int[][][] prefixMasks() {
        int[][][] masks = new int[MAX_PREFIX_BITS + 1][][];
        for (int bits = MIN_PREFIX_BITS; bits <= MAX_PREFIX_BITS; bits++) {
            List<Integer> within0 = List.of(0);
            List<Integer> within1 = new ArrayList<>(within0);
            List<Integer> within2 = new ArrayList<>();
            for (int i = 0; i < bits; i++) {
                within1.add(1 << i);
                for (int j = i + 1; j < bits; j++) {
                    within2.add(1 << i | 1 << j);
                }
            }
            within2.addAll(within1);
            masks[bits] = new int[][] {sorted(within0), sorted(within1), sorted(within2)};
        }
        return masks;
    }

    private static int[] sorted(List<Integer> masks) {
        return masks.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
