package org.recourse.pdq.index.internal;

/**
 * One tabled chunk's entries: for every row, grouped by the row's chunk prefix
 * ({@link PrefixDirectory}), the chunk-0 bucket the row lies in, with the chunk's residual bits
 * above it. A posting names the bucket rather than the row because a bucket number takes 20 bits
 * at 10 M rows and a row number 24: over 10 tables that is 5 bytes per hash. The price is that a
 * candidate is a bucket of about 8–16 rows, which lie next to each other and are checked in one
 * sequential pass ({@link Segment}). The tables of a segment share one packed array (one large
 * array instead of ten, for the reason given in {@link PrefixDirectory}).
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
    private final int bucketBits;

    /**
     * Writes the table for chunk {@code chunk} of the sorted {@code rows} into {@code postings},
     * one posting per row from {@code from} on. {@code tableStarts} are the directory's counted
     * starts; {@code sortedStarts} those of chunk 0, which say what bucket each row lies in.
     */
    ChunkTable(PrefixDirectory directory, HashRecords rows, int chunk, int[] tableStarts,
            int[] sortedStarts, PackedInts postings, int from) {
        this.directory = directory;
        this.postings = postings;
        this.from = from;
        this.bucketBits = Integer.numberOfTrailingZeros(sortedStarts.length - 1);
        int[] next = tableStarts.clone();
        for (int bucket = 0; bucket < sortedStarts.length - 1; bucket++) {
            for (int row = sortedStarts[bucket]; row < sortedStarts[bucket + 1]; row++) {
                int value = rows.chunk(row, chunk);
                postings.set(from + next[directory.prefix(value)]++, (long) directory.residual(value) << bucketBits | bucket);
            }
        }
    }

    /** The width of a posting: a chunk-0 bucket number and the chunk's residual bits. */
    static int postingBits(int sortedPrefixBits, int tablePrefixBits) {
        return sortedPrefixBits + ChunkLayout.TABLED_WIDTH - tablePrefixBits;
    }

    /** The directory's bytes (the postings are the segment's to count: the tables share them). */
    long directoryBytes() {
        return directory.memoryBytes();
    }

    /**
     * Appends the chunk-0 bucket of every row whose chunk is within {@code radius} bits of
     * {@code value} (a bucket once for each such row), as {@code bucket << 1 | 1}: the low bit
     * says a table named it. The bucket bounds, then the buckets' ends,
     * are read in passes of their own before any bucket is scanned, so their cache misses overlap.
     */
    void collectBucketsWithin(int value, int radius, int[] bounds, IntList out) {
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
        long bucketMask = (1L << bucketBits) - 1;
        for (int m = 0; m < masks.length; m++) {
            int budget = radius - Integer.bitCount(masks[m]);
            int first = from + bounds[2 * m];
            int end = from + bounds[2 * m + 1];
            // Every entry is written and only the ones that pass are kept, so the loop has no
            // call and no branch on the data.
            int[] buckets = out.reserve(end - first);
            int n = out.size();
            for (int p = first; p < end; p++) {
                long posting = postings.get(p);
                buckets[n] = (int) (posting & bucketMask) << 1 | 1;
                n += Integer.bitCount((int) (posting >>> bucketBits) ^ queryResidual) <= budget ? 1 : 0;
            }
            out.setSize(n);
        }
    }

    /**
     * As {@link #collectBucketsWithin}, for the {@code count} queries of a group whose words are
     * at {@code queries[4 * first]} on, appending {@code bucket << (GROUP_BITS + 1) | q << 1 | 1}
     * for the group's query q. Every (directory bucket, query) lookup of the group is listed and
     * sorted first, so that the directory and the postings are read in memory order, a bucket
     * shared by several queries once for all of them, instead of at a random place per lookup.
     */
    void collectBucketsWithinAll(long[] queries, int first, int count, int chunk, int radius, BatchScratch scratch,
            IntList out) {
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
        long bucketMask = (1L << bucketBits) - 1;
        for (int i = 0; i < n; i++) {
            int key = lookups.get(i);
            int bucket = key >>> BatchScratch.GROUP_BITS;
            int q = key & (BatchScratch.GROUP - 1);
            int budget = radius - Integer.bitCount(bucket ^ directory.prefix(values[q]));
            int queryResidual = directory.residual(values[q]);
            int tag = q << 1 | 1;
            int end = from + directory.start(bucket + 1);
            int p = from + directory.start(bucket);
            int[] buckets = out.reserve(end - p);
            int m = out.size();
            for (; p < end; p++) {
                long posting = postings.get(p);
                buckets[m] = (int) (posting & bucketMask) << (BatchScratch.GROUP_BITS + 1) | tag;
                m += Integer.bitCount((int) (posting >>> bucketBits) ^ queryResidual) <= budget ? 1 : 0;
            }
            out.setSize(m);
        }
    }
}
