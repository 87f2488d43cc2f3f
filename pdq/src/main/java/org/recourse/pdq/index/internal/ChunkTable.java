package org.recourse.pdq.index.internal;

import java.util.function.IntUnaryOperator;

/**
 * One chunk's table: the segment's rows grouped by their chunk value's prefix
 * ({@link PrefixDirectory}). A posting does not name its row but the bucket of the segment's
 * sorted hashes the row lies in (see {@link Segment}), with the chunk's residual bits above
 * it: at 10 M rows 20 + 9 = 29 bits. Naming the bucket instead of the row saves 4 bits per
 * posting, spent on residual bits, which make the chunk wider and so let far fewer
 * non-matching rows through (a random hash passes a 29-bit chunk within 3 bits with
 * probability 7.6e-6, a 25-bit one with 7.8e-5); and a false candidate costs one sequential
 * scan of ~10 hashes instead of a random access per row.
 */
final class ChunkTable {

    /**
     * Written with a sum of the first posting of every bucket a lookup will scan. Those loads
     * have no branches between them, so the processor issues their cache misses together
     * instead of one bucket at a time; storing the sum keeps the JIT from dropping them.
     */
    @SuppressWarnings("unused")
    private long touchSink;

    private final PrefixDirectory directory;
    private final int bucketBits;
    private final PackedInts postings;

    /** {@code bucketOfRow} gives the sorted-hash bucket of each row, a number of {@code bucketBits} bits. */
    ChunkTable(long[] words, int size, int chunk, int bucketBits, IntUnaryOperator bucketOfRow) {
        this.directory = new PrefixDirectory(size, ChunkLayout.width(chunk), row -> ChunkLayout.of(words, 4 * row, chunk));
        this.bucketBits = bucketBits;
        this.postings = new PackedInts(size, bucketBits + directory.residualBits());
        int[] next = directory.bucketStarts();
        for (int row = 0; row < size; row++) {
            int value = ChunkLayout.of(words, 4 * row, chunk);
            postings.set(next[directory.prefix(value)]++, (long) directory.residual(value) << bucketBits | bucketOfRow.applyAsInt(row));
        }
    }

    long memoryBytes() {
        return directory.memoryBytes() + postings.memoryBytes();
    }

    /**
     * Appends the sorted-hash bucket of every row whose chunk is within {@code radius} bits of
     * {@code value} (a bucket may be appended more than once). The bucket bounds, then the
     * buckets' first postings, are read in passes of their own before any bucket is scanned,
     * so their cache misses overlap.
     */
    void collectBucketsWithin(int value, int radius, int[] bounds, CandidateBuckets out) {
        int[] masks = directory.masks(radius);
        directory.fillBounds(value, masks, bounds);
        long touched = 0;
        for (int m = 0; m < masks.length; m++) {
            int first = bounds[2 * m];
            int end = bounds[2 * m + 1];
            if (first < end) {
                touched += postings.get(first) + postings.get(end - 1);
            }
        }
        touchSink = touched;
        int queryResidual = directory.residual(value);
        long bucketMask = (1L << bucketBits) - 1;
        for (int m = 0; m < masks.length; m++) {
            int budget = radius - Integer.bitCount(masks[m]);
            for (int p = bounds[2 * m], end = bounds[2 * m + 1]; p < end; p++) {
                long posting = postings.get(p);
                if (Integer.bitCount((int) (posting >>> bucketBits) ^ queryResidual) <= budget) {
                    out.add((int) (posting & bucketMask));
                }
            }
        }
    }
}
