package org.recourse.pdq.index.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An immutable batch of hashes searched by multi-index hashing over the {@link ChunkLayout}.
 *
 * <p>The rows are sorted by the prefix of chunk 0 into buckets ({@link HashRecords}, which
 * therefore need not store those bits), and every lookup ends in chunk-0 buckets: chunk 0's own
 * lookup names the buckets whose prefix is within the radius, and each of chunks 1–10 has a
 * {@link ChunkTable} whose postings name the bucket of every row whose chunk is within it. The
 * buckets named are sorted, each is checked once, row by row over the whole hash, and every row
 * within the distance is a match. That is exact: a match has some chunk within the radius
 * (pigeonhole), that chunk's lookup names the match's bucket, and the check is the distance
 * itself.
 *
 * <p>The caller's ids are stored as offsets from the segment's smallest id, packed to the bits
 * the segment's id range needs (24 bits for 10 M consecutive ids, up to 64 for ids spread over
 * the whole range). Removal only sets a bit, which concurrent searches read atomically; removed
 * rows are dropped when segments are merged.
 */
public final class Segment {

    /** The most rows one segment holds; larger batches are split. */
    public static final int MAX_ROWS = 1 << 24;

    /** Written with loads that make the checked buckets' cache misses overlap (see {@link ChunkTable}). */
    @SuppressWarnings("unused")
    private long touchSink;

    private final HashRecords records;
    private final int size;
    private final long minId;
    private final long maxIdOffset;
    private final PackedInts idOffsets;
    private final PrefixDirectory sorted;
    private final PackedInts postings;
    private final ChunkTable[] tables;
    private final AtomicLongArray removed;

    private Segment(HashRecords records, long[] sortedIds, int size, int[] sortedStarts) {
        this.records = records;
        this.size = size;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int row = 0; row < size; row++) {
            min = Math.min(min, sortedIds[row]);
            max = Math.max(max, sortedIds[row]);
        }
        this.minId = size == 0 ? 0 : min;
        this.maxIdOffset = size == 0 ? 0 : max - min;
        this.idOffsets = new PackedInts(size, PackedInts.bitsFor(maxIdOffset));
        for (int row = 0; row < size; row++) {
            idOffsets.set(row, sortedIds[row] - minId);
        }

        int tablePrefixBits = PrefixDirectory.prefixBits(size);
        int[][] starts = new int[ChunkLayout.COUNT][];
        int[] widths = new int[ChunkLayout.COUNT];
        starts[0] = sortedStarts;
        widths[0] = ChunkLayout.SORTED_WIDTH;
        for (int chunk = 1; chunk < ChunkLayout.COUNT; chunk++) {
            int c = chunk;
            starts[chunk] = PrefixDirectory.countStarts(size, tablePrefixBits, ChunkLayout.TABLED_WIDTH, row -> records.chunk(row, c));
            widths[chunk] = ChunkLayout.TABLED_WIDTH;
        }
        PrefixDirectory[] directories = PrefixDirectory.pack(starts, widths);
        this.sorted = directories[0];
        this.postings = new PackedInts((ChunkLayout.COUNT - 1) * size, ChunkTable.postingBits(records.prefixBits(), tablePrefixBits));
        this.tables = new ChunkTable[ChunkLayout.COUNT - 1];
        for (int chunk = 1; chunk < ChunkLayout.COUNT; chunk++) {
            tables[chunk - 1] = new ChunkTable(directories[chunk], records, chunk, starts[chunk], sortedStarts,
                    postings, (chunk - 1) * size);
        }
        this.removed = new AtomicLongArray((size + 63) >>> 6);
    }

    /**
     * Builds a segment from {@code size} rows: {@code words} holds 4 longs per row,
     * {@code ids[i]} is row i's id. The rows are copied in chunk-0 order.
     */
    public static Segment of(long[] words, long[] ids, int size) {
        if (size > MAX_ROWS) {
            throw new IllegalArgumentException("a segment holds at most " + MAX_ROWS + " rows");
        }
        int prefixBits = PrefixDirectory.prefixBits(size);
        int shift = ChunkLayout.SORTED_WIDTH - prefixBits;
        int[] starts = PrefixDirectory.countStarts(size, prefixBits, ChunkLayout.SORTED_WIDTH, row -> ChunkLayout.of(words, 4 * row, 0));
        int[] next = starts.clone();
        HashRecords records = new HashRecords(size, prefixBits);
        long[] sortedIds = new long[size];
        for (int row = 0; row < size; row++) {
            int to = next[ChunkLayout.of(words, 4 * row, 0) >>> shift]++;
            records.set(to, words[4 * row], words[4 * row + 1], words[4 * row + 2], words[4 * row + 3]);
            sortedIds[to] = ids[row];
        }
        return new Segment(records, sortedIds, size, starts);
    }

    /** The rows of all given segments that are not removed, in one new segment. */
    public static Segment merge(Segment... parts) {
        int total = 0;
        for (Segment part : parts) {
            total += part.liveCount();
        }
        long[] words = new long[4 * total];
        long[] ids = new long[total];
        int n = 0;
        for (Segment part : parts) {
            int buckets = 1 << part.sorted.prefixBits();
            for (int bucket = 0; bucket < buckets; bucket++) {
                for (int row = part.sorted.start(bucket), end = part.sorted.start(bucket + 1); row < end; row++) {
                    if (!part.isRemoved(row)) {
                        part.records.copyTo(row, bucket, words, 4 * n);
                        ids[n++] = part.id(row);
                    }
                }
            }
        }
        return of(words, ids, n);
    }

    public int liveCount() {
        int live = size;
        for (int i = 0; i < removed.length(); i++) {
            live -= Long.bitCount(removed.get(i));
        }
        return live;
    }

    /** Marks every row with this id removed; returns how many were newly removed. */
    public int remove(long id) {
        long offset = id - minId;
        if (size == 0 || Long.compareUnsigned(offset, maxIdOffset) > 0) {
            return 0;
        }
        int count = 0;
        for (int row = 0; row < size; row++) {
            if (idOffsets.get(row) == offset && !isRemoved(row)) {
                removed.getAndAccumulate(row >>> 6, 1L << (row & 63), (bits, bit) -> bits | bit);
                count++;
            }
        }
        return count;
    }

    private long id(int row) {
        return minId + idOffsets.get(row);
    }

    private boolean isRemoved(int row) {
        return (removed.get(row >>> 6) & (1L << (row & 63))) != 0;
    }

    public long memoryBytes() {
        long bytes = records.memoryBytes() + idOffsets.memoryBytes() + postings.memoryBytes()
                + sorted.memoryBytes() + 8L * removed.length();
        for (ChunkTable table : tables) {
            bytes += table.directoryBytes();
        }
        return bytes;
    }

    public void search(long[] query, int maxDistance, SearchScratch scratch, MatchSink sink) {
        int radius = ChunkLayout.radius(maxDistance);
        if (radius > ChunkLayout.MAX_RADIUS) {
            scan(query, 0, maxDistance, sink);
            return;
        }
        IntList buckets = scratch.candidateBuckets;
        buckets.clear();
        int queryChunk = ChunkLayout.of(query, 0, 0);
        int queryBucket = sorted.prefix(queryChunk);
        for (int mask : sorted.masks(radius)) {
            buckets.add((queryBucket ^ mask) << 1);
        }
        for (int chunk = 1; chunk < ChunkLayout.COUNT; chunk++) {
            tables[chunk - 1].collectBucketsWithin(ChunkLayout.of(query, 0, chunk), radius, scratch.lookupBounds, buckets);
        }
        buckets.sortDistinctBy(1);
        checkBuckets(buckets, query, queryChunk, radius, maxDistance, scratch.rowBounds, sink);
    }

    /**
     * Searches for the {@code count} (at most {@link BatchScratch#GROUP}) queries whose words are
     * at {@code queries[4 * first]} on, reporting each as its number in {@code queries}. Does
     * what {@link #search} does for each, but for all of them together: every (chunk-0 bucket,
     * query) that a lookup names is listed, and the list sorted and made distinct once, so that
     * the tables and then the rows are read in memory order rather than at random places per
     * query (ChunkTable#collectBucketsWithinAll).
     */
    public void searchAll(long[] queries, int first, int count, int maxDistance, BatchScratch scratch, MatchSink sink) {
        int radius = ChunkLayout.radius(maxDistance);
        if (radius > ChunkLayout.MAX_RADIUS) {
            for (int q = first; q < first + count; q++) {
                scan(queries, q, maxDistance, sink);
            }
            return;
        }
        IntList candidates = scratch.candidates;
        candidates.clear();
        int[] masks = sorted.masks(radius);
        for (int q = 0; q < count; q++) {
            int queryBucket = sorted.prefix(ChunkLayout.of(queries, 4 * (first + q), 0));
            int[] keys = candidates.reserve(masks.length);
            int n = candidates.size();
            for (int mask : masks) {
                keys[n++] = (queryBucket ^ mask) << (BatchScratch.GROUP_BITS + 1) | q << 1;
            }
            candidates.setSize(n);
        }
        for (int chunk = 1; chunk < ChunkLayout.COUNT; chunk++) {
            tables[chunk - 1].collectBucketsWithinAll(queries, first, count, chunk, radius, scratch, candidates);
        }
        candidates.radixSortDistinctBy(1, sorted.prefixBits() + BatchScratch.GROUP_BITS + 1);
        for (int i = 0, n = candidates.size(); i < n; i++) {
            int candidate = candidates.get(i);
            int bucket = candidate >>> (BatchScratch.GROUP_BITS + 1);
            int query = first + (candidate >>> 1 & (BatchScratch.GROUP - 1));
            int queryChunk = ChunkLayout.of(queries, 4 * query, 0);
            int prefixDistance = Integer.bitCount(bucket ^ sorted.prefix(queryChunk));
            int from = sorted.start(bucket);
            int end = sorted.start(bucket + 1);
            if ((candidate & 1) != 0) {
                checkRows(from, end, prefixDistance, queries, query, maxDistance, sink);
            } else {
                checkRowsNearInChunk0(from, end, prefixDistance, radius - prefixDistance, sorted.residual(queryChunk),
                        queries, query, maxDistance, sink);
            }
        }
    }

    /**
     * Checks the rows of the named chunk-0 buckets: every row of a bucket a table named, and the
     * rows whose whole chunk 0 is within the radius of a bucket only chunk 0's lookup named (a
     * match there whose chunk 0 is not within it has another chunk that is, whose table names
     * the bucket too). Where each bucket's rows lie is read in a pass of its own, then one load
     * of every bucket's first and last row, before any row is checked, so that the cache misses
     * of different buckets overlap.
     */
    private void checkBuckets(IntList buckets, long[] query, int queryChunk, int radius, int maxDistance,
            IntList rowBounds, MatchSink sink) {
        int count = buckets.size();
        rowBounds.clear();
        int[] bounds = rowBounds.reserve(2 * count);
        for (int i = 0; i < count; i++) {
            int bucket = buckets.get(i) >>> 1;
            bounds[2 * i] = sorted.start(bucket);
            bounds[2 * i + 1] = sorted.start(bucket + 1);
        }
        long touched = 0;
        for (int i = 0; i < count; i++) {
            if (bounds[2 * i] < bounds[2 * i + 1]) {
                touched += records.word(bounds[2 * i], 0) + records.word(bounds[2 * i + 1] - 1, 0);
            }
        }
        touchSink = touched;
        int queryBucket = sorted.prefix(queryChunk);
        int queryResidual = sorted.residual(queryChunk);
        for (int i = 0; i < count; i++) {
            int candidate = buckets.get(i);
            int prefixDistance = Integer.bitCount((candidate >>> 1) ^ queryBucket);
            if ((candidate & 1) != 0) {
                checkRows(bounds[2 * i], bounds[2 * i + 1], prefixDistance, query, 0, maxDistance, sink);
            } else {
                checkRowsNearInChunk0(bounds[2 * i], bounds[2 * i + 1], prefixDistance, radius - prefixDistance, queryResidual,
                        query, 0, maxDistance, sink);
            }
        }
    }

    /**
     * Rows {@code from} to {@code end} of one bucket, whose prefix differs from the query's in
     * {@code prefixDistance} bits, against query number {@code query}, whose words are at
     * {@code queries[4 * query]} on.
     */
    private void checkRows(int from, int end, int prefixDistance, long[] queries, int query, int maxDistance,
            MatchSink sink) {
        if (prefixDistance > maxDistance) {
            return;
        }
        long q0 = queries[4 * query];
        long q1 = queries[4 * query + 1];
        for (int row = from; row < end; row++) {
            int distance = prefixDistance + records.firstDistance(row, q0, q1);
            if (distance <= maxDistance) {
                report(row, distance, queries, query, maxDistance, sink);
            }
        }
    }

    /** As {@link #checkRows}, for the rows whose chunk-0 residual is within {@code budget} bits of the query's. */
    private void checkRowsNearInChunk0(int from, int end, int prefixDistance, int budget, int queryResidual,
            long[] queries, int query, int maxDistance, MatchSink sink) {
        for (int row = from; row < end; row++) {
            if (Integer.bitCount(sortedResidual(row) ^ queryResidual) <= budget) {
                int distance = prefixDistance + records.firstDistance(row, queries[4 * query], queries[4 * query + 1]);
                if (distance <= maxDistance) {
                    report(row, distance, queries, query, maxDistance, sink);
                }
            }
        }
    }

    private int sortedResidual(int row) {
        return sorted.residual((int) (records.word(row, 3) >>> (64 - ChunkLayout.SORTED_WIDTH)));
    }

    /** Adds the rest of the row's distance to what the first part and the prefix gave, and reports the row if it is within. */
    private void report(int row, int distance, long[] queries, int query, int maxDistance, MatchSink sink) {
        distance += records.secondDistance(row, queries[4 * query + 1], queries[4 * query + 2]);
        if (distance <= maxDistance) {
            distance += records.lowDistance(row, queries[4 * query + 3]);
            if (distance <= maxDistance && !isRemoved(row)) {
                sink.accept(query, id(row), distance);
            }
        }
    }

    private void scan(long[] queries, int query, int maxDistance, MatchSink sink) {
        int queryBucket = sorted.prefix(ChunkLayout.of(queries, 4 * query, 0));
        int buckets = 1 << sorted.prefixBits();
        for (int bucket = 0; bucket < buckets; bucket++) {
            checkRows(sorted.start(bucket), sorted.start(bucket + 1), Integer.bitCount(bucket ^ queryBucket), queries, query,
                    maxDistance, sink);
        }
    }
}
