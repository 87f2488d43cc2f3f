package org.recourse.pdq.index.internal;

/**
 * One tabled chunk's entries: for every row, grouped by the row's chunk prefix
 * ({@link PrefixDirectory}), the row's number, with the chunk's residual bits above it. A posting
 * names the row rather than its chunk-0 bucket although a row number takes 24 bits at 10 M rows
 * and a bucket number 20 (over 10 tables that is 5 bytes per hash more): a bucket holds about
 * 8–16 rows, all of which a search would then check, and at 10 M hashes checking those buckets
 * (two or three cache lines each, most of them missed) took two thirds of a search. The tables of
 * a segment share one packed array (one large array instead of ten, for the reason given in
 * {@link PrefixDirectory}).
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
    private final PackedInts postings;
    private final int from;
    private final int rowBits;
    private final long rowMask;

    /**
     * Writes the table for chunk {@code chunk} of the {@code size} {@code rows} into
     * {@code postings}, one posting per row from {@code from} on, with {@code rowBits} for the
     * row's number. {@code tableStarts} are the directory's counted starts.
     */
    ChunkTable(PrefixDirectory directory, HashRecords rows, int size, int chunk, int[] tableStarts, int rowBits,
            PackedInts postings, int from) {
        this.directory = directory;
        this.postings = postings;
        this.from = from;
        this.rowBits = rowBits;
        this.rowMask = (1L << rowBits) - 1;
        int[] next = tableStarts.clone();
        for (int row = 0; row < size; row++) {
            int value = rows.chunk(row, chunk);
            postings.set(from + next[directory.prefix(value)]++, (long) directory.residual(value) << rowBits | row);
        }
    }

    /** The width of a posting: a row number and the chunk's residual bits. */
    static int postingBits(int rowBits, int tablePrefixBits) {
        return rowBits + ChunkLayout.TABLED_WIDTH - tablePrefixBits;
    }

    /** The directory's bytes (the postings are the segment's to count: the tables share them). */
    long directoryBytes() {
        return directory.memoryBytes();
    }

    /**
     * Appends every row whose chunk is within {@code radius} bits of {@code value}. The bucket
     * bounds, then the buckets' ends, are read in passes of their own before any bucket is
     * scanned, so their cache misses overlap.
     */
    void collectRowsWithin(int value, int radius, int[] bounds, IntList out) {
        int[] masks = directory.masks(radius);
        directory.fillBounds(value, masks, bounds);
        long touched = 0;
        for (int m = 0; m < masks.length; m++) {
            int first = bounds[2 * m];
            int end = bounds[2 * m + 1];
            if (first < end) {
                touched += postings.get(from + first) + postings.get(from + end - 1);
            }
        }
        touchSink = touched;
        int queryResidual = directory.residual(value);
        for (int m = 0; m < masks.length; m++) {
            scan(from + bounds[2 * m], from + bounds[2 * m + 1], radius - Integer.bitCount(masks[m]), queryResidual, out);
        }
    }

    /**
     * As {@link #collectRowsWithin}, for the {@code count} queries of a group whose words are at
     * {@code queries[4 * first]} on, appending {@code row << GROUP_BITS | q} for the group's
     * query q. Every (directory bucket, query) lookup of the group is listed and sorted first, so
     * that the directory and the postings are read in memory order, a bucket shared by several
     * queries once for all of them, instead of at a random place per lookup.
     */
    void collectRowsWithinAll(long[] queries, int first, int count, int chunk, int radius, BatchScratch scratch,
            LongList out) {
        int[] masks = directory.masks(radius);
        int[] values = scratch.values;
        IntList lookups = scratch.lookups;
        lookups.clear();
        int[] keys = lookups.reserve(count * masks.length);
        int n = 0;
        for (int q = 0; q < count; q++) {
            int value = ChunkLayout.of(queries, 4 * (first + q), chunk);
            values[q] = value;
            int prefix = directory.prefix(value);
            for (int mask : masks) {
                keys[n++] = (prefix ^ mask) << BatchScratch.GROUP_BITS | q;
            }
        }
        lookups.setSize(n);
        lookups.radixSort(directory.prefixBits() + BatchScratch.GROUP_BITS);
        for (int i = 0; i < n; i++) {
            int key = lookups.get(i);
            int bucket = key >>> BatchScratch.GROUP_BITS;
            int q = key & (BatchScratch.GROUP - 1);
            int budget = radius - Integer.bitCount(bucket ^ directory.prefix(values[q]));
            int queryResidual = directory.residual(values[q]);
            int end = from + directory.start(bucket + 1);
            int p = from + directory.start(bucket);
            long[] rows = out.reserve(end - p);
            int m = out.size();
            for (; p < end; p++) {
                long posting = postings.get(p);
                rows[m] = (posting & rowMask) << BatchScratch.GROUP_BITS | q;
                m += Integer.bitCount((int) (posting >>> rowBits) ^ queryResidual) <= budget ? 1 : 0;
            }
            out.setSize(m);
        }
    }

    /**
     * Appends the rows of the postings {@code first} to {@code end} whose residual is within
     * {@code budget} bits of the query's. Every entry is written and only the ones that pass are
     * kept, so the loop has no call and no branch on the data.
     */
    private void scan(int first, int end, int budget, int queryResidual, IntList out) {
        int[] rows = out.reserve(end - first);
        int n = out.size();
        for (int p = first; p < end; p++) {
            long posting = postings.get(p);
            rows[n] = (int) (posting & rowMask);
            n += Integer.bitCount((int) (posting >>> rowBits) ^ queryResidual) <= budget ? 1 : 0;
        }
        out.setSize(n);
    }
}
