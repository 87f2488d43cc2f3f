package org.recourse.pdq.index.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An immutable batch of hashes with one {@link ChunkTable} per chunk of the
 * {@link ChunkLayout}. Removal only sets a bit, which concurrent searches read atomically;
 * removed rows are dropped when segments are merged.
 */
public final class Segment {

    /** The most rows one segment holds; larger batches are split. */
    public static final int MAX_ROWS = ChunkTable.MAX_ROWS;

    private final long[] words;
    private final long[] ids;
    private final int size;
    private final ChunkTable[] tables;
    private final AtomicLongArray removed;

    private Segment(long[] words, long[] ids, int size) {
        this.words = words;
        this.ids = ids;
        this.size = size;
        this.tables = new ChunkTable[ChunkLayout.COUNT];
        for (int chunk = 0; chunk < ChunkLayout.COUNT; chunk++) {
            tables[chunk] = new ChunkTable(words, size, chunk);
        }
        this.removed = new AtomicLongArray((size + 63) >>> 6);
    }

    /** Builds a segment owning the given arrays: {@code words} holds 4 longs per row. */
    public static Segment of(long[] words, long[] ids, int size) {
        return new Segment(words, ids, size);
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
                    ids[n++] = part.ids[row];
                }
            }
        }
        return new Segment(words, ids, n);
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
        int count = 0;
        for (int row = 0; row < size; row++) {
            if (ids[row] == id && !isRemoved(row)) {
                removed.getAndAccumulate(row >>> 6, 1L << (row & 63), (bits, bit) -> bits | bit);
                count++;
            }
        }
        return count;
    }

    private boolean isRemoved(int row) {
        return (removed.get(row >>> 6) & (1L << (row & 63))) != 0;
    }

    public long memoryBytes() {
        long bytes = 8L * words.length + 8L * ids.length + 8L * removed.length();
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
        int[] bucketBounds = new int[2 * ChunkTable.maxBuckets()];
        CandidateRows candidates = new CandidateRows();
        for (int chunk = 0; chunk < ChunkLayout.COUNT; chunk++) {
            candidates.clear();
            tables[chunk].collectRowsWithin(queryChunks[chunk], radius, bucketBounds, candidates);
            for (int i = 0; i < candidates.size(); i++) {
                int row = candidates.get(i);
                int distance = distance(row, query);
                if (distance <= maxDistance
                        && isFirstChunkWithin(row, chunk, queryChunks, radius)
                        && !isRemoved(row)) {
                    sink.accept(ids[row], distance);
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

    private void scan(long[] query, int maxDistance, MatchSink sink) {
        for (int row = 0; row < size; row++) {
            int distance = distance(row, query);
            if (distance <= maxDistance && !isRemoved(row)) {
                sink.accept(ids[row], distance);
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
