package org.recourse.pdq.index.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An immutable batch of hashes searched by multi-index hashing over the {@link ChunkLayout}.
 * The rows are sorted by the prefix of chunk 0, so chunk 0 needs no table of its own: its
 * {@link PrefixDirectory} points straight into the hash array, whose buckets are scanned in
 * place. Chunks 1–10 have a {@link ChunkTable} each. The caller's ids are stored as offsets from
 * the segment's smallest id, packed to the bits the segment's id range needs (24 bits for 10 M
 * consecutive ids, up to 64 for ids spread over the whole range).
 *
 * <p>Removal only sets a bit, which concurrent searches read atomically; removed rows are
 * dropped when segments are merged.
 */
public final class Segment {

    /** The most rows one segment holds (postings keep row numbers in at most 24 bits); larger batches are split. */
    public static final int MAX_ROWS = 1 << 24;

    /**
     * Written with a sum of one word from every cache line of the chunk-0 buckets a lookup
     * will scan, so those cache misses overlap (see {@link ChunkTable}).
     */
    @SuppressWarnings("unused")
    private long touchSink;

    private final long[] words;
    private final int size;
    private final long minId;
    private final long maxIdOffset;
    private final PackedInts idOffsets;
    private final PrefixDirectory sortedChunk;
    private final ChunkTable[] tables;
    private final AtomicLongArray removed;

    private Segment(long[] sortedWords, long[] sortedIds, int size, PrefixDirectory sortedChunk) {
        this.words = sortedWords;
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
        this.sortedChunk = sortedChunk;
        this.tables = new ChunkTable[ChunkLayout.COUNT - 1];
        for (int chunk = 1; chunk < ChunkLayout.COUNT; chunk++) {
            tables[chunk - 1] = new ChunkTable(words, size, chunk);
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
        PrefixDirectory sortedChunk = new PrefixDirectory(size, ChunkLayout.width(0), row -> ChunkLayout.of(words, 4 * row, 0));
        int[] next = sortedChunk.bucketStarts();
        long[] sortedWords = new long[4 * size];
        long[] sortedIds = new long[size];
        for (int row = 0; row < size; row++) {
            int to = next[sortedChunk.prefix(ChunkLayout.of(words, 4 * row, 0))]++;
            System.arraycopy(words, 4 * row, sortedWords, 4 * to, 4);
            sortedIds[to] = ids[row];
        }
        return new Segment(sortedWords, sortedIds, size, sortedChunk);
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
            for (int row = 0; row < part.size; row++) {
                if (!part.isRemoved(row)) {
                    System.arraycopy(part.words, 4 * row, words, 4 * n, 4);
                    ids[n++] = part.id(row);
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
        long bytes = 8L * words.length + idOffsets.memoryBytes() + sortedChunk.memoryBytes() + 8L * removed.length();
        for (ChunkTable table : tables) {
            bytes += table.memoryBytes();
        }
        return bytes;
    }

    public void search(long[] query, int maxDistance, MatchSink sink) {
        int radius = ChunkLayout.radius(maxDistance);
        if (radius > ChunkLayout.MAX_RADIUS) {
            scan(query, maxDistance, sink);
            return;
        }
        int[] queryChunks = new int[ChunkLayout.COUNT];
        for (int chunk = 0; chunk < ChunkLayout.COUNT; chunk++) {
            queryChunks[chunk] = ChunkLayout.of(query, 0, chunk);
        }
        int[] bounds = PrefixDirectory.newBounds();
        searchSortedChunk(query, maxDistance, queryChunks[0], radius, bounds, sink);
        CandidateRows candidates = new CandidateRows();
        for (int chunk = 1; chunk < ChunkLayout.COUNT; chunk++) {
            candidates.clear();
            tables[chunk - 1].collectRowsWithin(queryChunks[chunk], radius, bounds, candidates);
            for (int i = 0; i < candidates.size(); i++) {
                int row = candidates.get(i);
                int distance = distance(row, query);
                if (distance <= maxDistance
                        && isFirstChunkWithin(row, chunk, queryChunks, radius)
                        && !isRemoved(row)) {
                    sink.accept(id(row), distance);
                }
            }
        }
    }

    /**
     * Chunk 0's lookup: its buckets are runs of rows, verified where they lie. A row counts
     * here only if its whole chunk 0 (not just the prefix) is within the radius, which is what
     * {@link #isFirstChunkWithin} assumes for the later chunks.
     */
    private void searchSortedChunk(long[] query, int maxDistance, int queryChunk, int radius, int[] bounds, MatchSink sink) {
        int[] masks = sortedChunk.masks(radius);
        sortedChunk.fillBounds(queryChunk, masks, bounds);
        long touched = 0;
        for (int m = 0; m < masks.length; m++) {
            touched += touchRows(bounds[2 * m], bounds[2 * m + 1]);
        }
        touchSink = touched;
        for (int m = 0; m < masks.length; m++) {
            for (int row = bounds[2 * m], end = bounds[2 * m + 1]; row < end; row++) {
                int distance = distance(row, query);
                if (distance <= maxDistance
                        && Integer.bitCount(ChunkLayout.of(words, 4 * row, 0) ^ queryChunk) <= radius
                        && !isRemoved(row)) {
                    sink.accept(id(row), distance);
                }
            }
        }
    }

    /**
     * A match shows up once for every chunk within the radius; it is reported only from the
     * first such chunk, so no set of seen rows is needed.
     */
    private boolean isFirstChunkWithin(int row, int chunk, int[] queryChunks, int radius) {
        for (int earlier = 0; earlier < chunk; earlier++) {
            if (Integer.bitCount(ChunkLayout.of(words, 4 * row, earlier) ^ queryChunks[earlier]) <= radius) {
                return false;
            }
        }
        return true;
    }

    /** Reads one word from every cache line of rows {@code from} to {@code end}. */
    private long touchRows(int from, int end) {
        long touched = 0;
        for (int row = from; row < end; row++) {
            touched += words[4 * row];
        }
        return from < end ? touched + words[4 * end - 1] : touched;
    }

    private void scan(long[] query, int maxDistance, MatchSink sink) {
        for (int row = 0; row < size; row++) {
            int distance = distance(row, query);
            if (distance <= maxDistance && !isRemoved(row)) {
                sink.accept(id(row), distance);
            }
        }
    }

    private int distance(int row, long[] query) {
        int base = 4 * row;
        return Long.bitCount(words[base] ^ query[0])
                + Long.bitCount(words[base + 1] ^ query[1])
                + Long.bitCount(words[base + 2] ^ query[2])
                + Long.bitCount(words[base + 3] ^ query[3]);
    }
}
