package org.recourse.pdq.index.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An immutable batch of hashes with one multi-index table per 16-bit chunk. Each table is a
 * counting sort of the rows by that chunk's value: {@code offsets[v]..offsets[v+1]} in
 * {@code rows} are the rows whose chunk equals {@code v}. Removal only sets a bit, which
 * concurrent searches read atomically; removed rows are dropped when segments are merged.
 */
public final class Segment {

    /** Beyond radius 2 per chunk the tables visit so many rows that a plain scan is cheaper. */
    private static final int MAX_TABLE_RADIUS = 2;

    private final long[] words;
    private final long[] ids;
    private final int size;
    private final int[][] offsets;
    private final int[][] rows;
    private final AtomicLongArray removed;

    private Segment(long[] words, long[] ids, int size) {
        this.words = words;
        this.ids = ids;
        this.size = size;
        this.offsets = new int[Chunks.COUNT][];
        this.rows = new int[Chunks.COUNT][];
        for (int chunk = 0; chunk < Chunks.COUNT; chunk++) {
            buildTable(chunk);
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

    private void buildTable(int chunk) {
        int[] start = new int[Chunks.VALUES + 1];
        for (int row = 0; row < size; row++) {
            start[Chunks.of(words, row, chunk) + 1]++;
        }
        for (int v = 0; v < Chunks.VALUES; v++) {
            start[v + 1] += start[v];
        }
        int[] next = start.clone();
        int[] sorted = new int[size];
        for (int row = 0; row < size; row++) {
            sorted[next[Chunks.of(words, row, chunk)]++] = row;
        }
        offsets[chunk] = start;
        rows[chunk] = sorted;
    }

    public int size() {
        return size;
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
        for (int chunk = 0; chunk < Chunks.COUNT; chunk++) {
            bytes += 4L * offsets[chunk].length + 4L * rows[chunk].length;
        }
        return bytes;
    }

    public void search(long q0, long q1, long q2, long q3, int maxDistance, MatchSink sink) {
        int radius = Chunks.radius(maxDistance);
        if (radius > MAX_TABLE_RADIUS) {
            scan(q0, q1, q2, q3, maxDistance, sink);
            return;
        }
        int[] queryChunks = new int[Chunks.COUNT];
        for (int chunk = 0; chunk < Chunks.COUNT; chunk++) {
            queryChunks[chunk] = Chunks.of(q0, q1, q2, q3, chunk);
        }
        int[] masks = Chunks.masksWithin(radius);
        for (int chunk = 0; chunk < Chunks.COUNT; chunk++) {
            int[] start = offsets[chunk];
            int[] sorted = rows[chunk];
            int queryChunk = queryChunks[chunk];
            for (int mask : masks) {
                int value = queryChunk ^ mask;
                for (int p = start[value], end = start[value + 1]; p < end; p++) {
                    int row = sorted[p];
                    int distance = distance(row, q0, q1, q2, q3);
                    if (distance <= maxDistance
                            && isFirstChunkWithin(row, chunk, queryChunks, radius)
                            && !isRemoved(row)) {
                        sink.accept(ids[row], distance);
                    }
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
            if (Integer.bitCount(Chunks.of(words, row, earlier) ^ queryChunks[earlier]) <= radius) {
                return false;
            }
        }
        return true;
    }

    private void scan(long q0, long q1, long q2, long q3, int maxDistance, MatchSink sink) {
        for (int row = 0; row < size; row++) {
            int distance = distance(row, q0, q1, q2, q3);
            if (distance <= maxDistance && !isRemoved(row)) {
                sink.accept(ids[row], distance);
            }
        }
    }

    private int distance(int row, long q0, long q1, long q2, long q3) {
        int base = 4 * row;
        return Long.bitCount(words[base] ^ q0)
                + Long.bitCount(words[base + 1] ^ q1)
                + Long.bitCount(words[base + 2] ^ q2)
                + Long.bitCount(words[base + 3] ^ q3);
    }
}
