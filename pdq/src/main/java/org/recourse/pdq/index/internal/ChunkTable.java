package org.recourse.pdq.index.internal;

/**
 * One chunk's table: the segment's rows grouped by their chunk value's prefix
 * ({@link PrefixDirectory}). Each posting is the row number with the chunk's residual bits
 * above it, packed to exactly the bits they need (at 10 M rows 24 + 3 or 4 = 27–28 bits, not
 * 32), so a bucket is scanned sequentially and only rows whose whole chunk is within the
 * radius cost a random access to the full hash.
 */
final class ChunkTable {

    /**
     * Written with a sum of the first and last posting of every bucket a lookup will scan.
     * Those loads have no branches between them, so the processor issues their cache misses
     * together instead of one bucket at a time; storing the sum keeps the JIT from dropping them.
     */
    @SuppressWarnings("unused")
    private long touchSink;

    private final PrefixDirectory directory;
    private final int rowBits;
    private final PackedInts postings;

    ChunkTable(long[] words, int size, int chunk) {
        this.directory = new PrefixDirectory(size, ChunkLayout.width(chunk), row -> ChunkLayout.of(words, 4 * row, chunk));
        this.rowBits = PackedInts.bitsFor(Math.max(0, size - 1));
        this.postings = new PackedInts(size, rowBits + directory.residualBits());
        int[] next = directory.bucketStarts();
        for (int row = 0; row < size; row++) {
            int value = ChunkLayout.of(words, 4 * row, chunk);
            postings.set(next[directory.prefix(value)]++, (long) directory.residual(value) << rowBits | row);
        }
    }

    long memoryBytes() {
        return directory.memoryBytes() + postings.memoryBytes();
    }

    /**
     * Appends every row whose chunk is within {@code radius} bits of {@code value}. The bucket
     * bounds, then the buckets' ends, are read in passes of their own before any bucket is
     * scanned, so their cache misses overlap.
     */
    void collectRowsWithin(int value, int radius, int[] bounds, CandidateRows out) {
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
        long rowMask = (1L << rowBits) - 1;
        for (int m = 0; m < masks.length; m++) {
            int budget = radius - Integer.bitCount(masks[m]);
            int from = bounds[2 * m];
            int end = bounds[2 * m + 1];
            // Every row is written and only the ones that pass are kept, so the loop has no call
            // and no branch on the data.
            int[] rows = out.reserve(end - from);
            int n = out.size();
            for (int p = from; p < end; p++) {
                long posting = postings.get(p);
                rows[n] = (int) (posting & rowMask);
                n += Integer.bitCount((int) (posting >>> rowBits) ^ queryResidual) <= budget ? 1 : 0;
            }
            out.setSize(n);
        }
    }
}
