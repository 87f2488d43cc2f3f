package org.recourse.pdq.index.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An immutable batch of hashes searched by multi-index hashing over the {@link ChunkLayout}.
 *
 * <p>The rows are sorted by the prefix of chunk 0 into buckets ({@link HashRecords}, which
 * therefore need not store those bits), and every lookup ends in rows: chunk 0's own lookup
 * reads the buckets whose prefix is within the radius and keeps the rows whose whole chunk 0 is
 * within it, and each of chunks 1–10 has a {@link ChunkTable} whose postings name every row
 * whose chunk is within it. The rows named are sorted, each is checked once over the whole hash,
 * and every row within the distance is a match. That is exact: a match has some chunk within
 * the radius (pigeonhole), that chunk's lookup names the match, and the check is the distance
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

    /** Written with loads that make the checked rows' cache misses overlap (see {@link ChunkTable}). */
    @SuppressWarnings("unused")
    private long touchSink;

    private final HashRecords records;
    private final int size;
    private final long minId;
    private final long maxIdOffset;
    private final PackedInts idOffsets;
    private final PrefixDirectory sorted;
    private final int rowBits;
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
        this.rowBits = PackedInts.bitsFor(Math.max(0, size - 1));
        this.postings = new PackedInts((ChunkLayout.COUNT - 1) * size, ChunkTable.postingBits(rowBits, tablePrefixBits));
        this.tables = new ChunkTable[ChunkLayout.COUNT - 1];
        for (int chunk = 1; chunk < ChunkLayout.COUNT; chunk++) {
            tables[chunk - 1] = new ChunkTable(directories[chunk], records, size, chunk, starts[chunk], rowBits,
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
        IntList rows = scratch.candidateRows;
        rows.clear();
        int queryChunk = ChunkLayout.of(query, 0, 0);
        collectRowsNearInChunk0(queryChunk, radius, scratch.lookupBounds, rows);
        for (int chunk = 1; chunk < ChunkLayout.COUNT; chunk++) {
            tables[chunk - 1].collectRowsWithin(ChunkLayout.of(query, 0, chunk), radius, scratch.lookupBounds, rows);
        }
        rows.sortDistinct();
        long touched = 0;
        for (int i = 0, n = rows.size(); i < n; i++) {
            touched += records.word(rows.get(i), 0);
        }
        touchSink = touched;
        int queryBucket = sorted.prefix(queryChunk);
        for (int i = 0, n = rows.size(); i < n; i++) {
            checkRow(rows.get(i), query, 0, queryBucket, maxDistance, sink);
        }
    }

    /**
     * Searches for the {@code count} queries whose words are in {@code queries} (4 each),
     * reporting each as its number there. Does what {@link #search} does for each, but for
     * groups of {@link BatchScratch#GROUP} together: every (row, query) that a lookup names is
     * listed, and the list sorted and made distinct once per group, so that the tables and then
     * the rows are read in memory order rather than at random places per query
     * ({@link ChunkTable#collectRowsWithinAll}).
     */
    public void searchAll(long[] queries, int count, int maxDistance, BatchScratch scratch, MatchSink sink) {
        int radius = ChunkLayout.radius(maxDistance);
        if (radius > ChunkLayout.MAX_RADIUS) {
            for (int q = 0; q < count; q++) {
                scan(queries, q, maxDistance, sink);
            }
            return;
        }
        LongList candidates = scratch.candidates;
        for (int first = 0; first < count; first += BatchScratch.GROUP) {
            int n = Math.min(BatchScratch.GROUP, count - first);
            candidates.clear();
            for (int q = 0; q < n; q++) {
                IntList rows = scratch.rows;
                rows.clear();
                collectRowsNearInChunk0(ChunkLayout.of(queries, 4 * (first + q), 0), radius, scratch.bounds, rows);
                long[] keys = candidates.reserve(rows.size());
                int k = candidates.size();
                for (int i = 0; i < rows.size(); i++) {
                    keys[k++] = (long) rows.get(i) << BatchScratch.GROUP_BITS | q;
                }
                candidates.setSize(k);
            }
            for (int chunk = 1; chunk < ChunkLayout.COUNT; chunk++) {
                tables[chunk - 1].collectRowsWithinAll(queries, first, n, chunk, radius, scratch, candidates);
            }
            candidates.radixSortDistinct(rowBits + BatchScratch.GROUP_BITS);
            for (int i = 0, size = candidates.size(); i < size; i++) {
                long key = candidates.get(i);
                int query = first + (int) (key & (BatchScratch.GROUP - 1));
                checkRow((int) (key >>> BatchScratch.GROUP_BITS), queries, query,
                        sorted.prefix(ChunkLayout.of(queries, 4 * query, 0)), maxDistance, sink);
            }
        }
    }

    /**
     * Appends the rows whose whole chunk 0 is within {@code radius} bits of {@code queryChunk}:
     * those of the buckets whose prefix is within it, filtered on the residual, which word 3
     * holds (a table names the rows of every other chunk). The buckets' bounds, then their first
     * rows, are read in passes of their own, so that the cache misses of different buckets overlap.
     */
    private void collectRowsNearInChunk0(int queryChunk, int radius, int[] bounds, IntList rows) {
        int[] masks = sorted.masks(radius);
        sorted.fillBounds(queryChunk, masks, bounds);
        long touched = 0;
        for (int m = 0; m < masks.length; m++) {
            if (bounds[2 * m] < bounds[2 * m + 1]) {
                touched += records.word(bounds[2 * m], 3);
            }
        }
        touchSink = touched;
        int queryResidual = sorted.residual(queryChunk);
        for (int m = 0; m < masks.length; m++) {
            int budget = radius - Integer.bitCount(masks[m]);
            int from = bounds[2 * m];
            int end = bounds[2 * m + 1];
            int[] out = rows.reserve(end - from);
            int n = rows.size();
            for (int row = from; row < end; row++) {
                out[n] = row;
                n += Integer.bitCount(sortedResidual(row) ^ queryResidual) <= budget ? 1 : 0;
            }
            rows.setSize(n);
        }
    }

    /**
     * Reports the row if it is within {@code maxDistance} of query number {@code query} (words
     * at {@code queries[4 * query]} on), whose chunk-0 prefix is {@code queryBucket}. The stored
     * bits are compared part by part, each part of a row in another cache line, and all but about
     * 3 % of random rows are out after the first part. Only a row within on all of them needs
     * its own prefix, which it does not store: that takes a binary search over the directory.
     */
    private void checkRow(int row, long[] queries, int query, int queryBucket, int maxDistance, MatchSink sink) {
        int base = 4 * query;
        int distance = records.firstDistance(row, queries[base], queries[base + 1]);
        if (distance > maxDistance) {
            return;
        }
        distance += records.secondDistance(row, queries[base + 1], queries[base + 2]);
        if (distance > maxDistance) {
            return;
        }
        distance += records.lowDistance(row, queries[base + 3]);
        if (distance > maxDistance) {
            return;
        }
        distance += Integer.bitCount(sorted.bucketOf(row) ^ queryBucket);
        if (distance <= maxDistance && !isRemoved(row)) {
            sink.accept(query, id(row), distance);
        }
    }

    private int sortedResidual(int row) {
        return sorted.residual((int) (records.word(row, 3) >>> (64 - ChunkLayout.SORTED_WIDTH)));
    }

    /** Beyond the tabled radius: every row is checked, which is exact but linear. */
    private void scan(long[] queries, int query, int maxDistance, MatchSink sink) {
        int queryBucket = sorted.prefix(ChunkLayout.of(queries, 4 * query, 0));
        for (int row = 0; row < size; row++) {
            checkRow(row, queries, query, queryBucket, maxDistance, sink);
        }
    }
}
