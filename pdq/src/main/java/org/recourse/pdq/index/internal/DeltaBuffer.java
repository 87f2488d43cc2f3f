package org.recourse.pdq.index.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The most recent additions, searched by a plain scan until there are enough of them to seal
 * into a {@link Segment}. One writer appends; any number of readers scan concurrently: a row
 * is written before the volatile size that makes it visible.
 */
public final class DeltaBuffer {

    private final long[] words;
    private final long[] ids;
    private final AtomicLongArray removed;
    private volatile int size;

    public DeltaBuffer(int capacity) {
        this.words = new long[4 * capacity];
        this.ids = new long[capacity];
        this.removed = new AtomicLongArray((capacity + 63) >>> 6);
    }

    public boolean isFull() {
        return size == ids.length;
    }

    /** Only the index's single writer may call this. */
    public void append(long id, long w0, long w1, long w2, long w3) {
        int row = size;
        words[4 * row] = w0;
        words[4 * row + 1] = w1;
        words[4 * row + 2] = w2;
        words[4 * row + 3] = w3;
        ids[row] = id;
        size = row + 1;
    }

    public int remove(long id) {
        int count = 0;
        int n = size;
        for (int row = 0; row < n; row++) {
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

    public int liveCount() {
        int live = size;
        for (int i = 0; i < removed.length(); i++) {
            live -= Long.bitCount(removed.get(i));
        }
        return live;
    }

    public long memoryBytes() {
        return 8L * words.length + 8L * ids.length + 8L * removed.length();
    }

    /** Scans for the query in {@code queries[4 * query..4 * query + 3]}, reporting it as number {@code query}. */
    public void search(long[] queries, int query, int maxDistance, MatchSink sink) {
        long q0 = queries[4 * query];
        long q1 = queries[4 * query + 1];
        long q2 = queries[4 * query + 2];
        long q3 = queries[4 * query + 3];
        int n = size;
        for (int row = 0; row < n; row++) {
            int base = 4 * row;
            int distance = Long.bitCount(words[base] ^ q0)
                    + Long.bitCount(words[base + 1] ^ q1)
                    + Long.bitCount(words[base + 2] ^ q2)
                    + Long.bitCount(words[base + 3] ^ q3);
            if (distance <= maxDistance && !isRemoved(row)) {
                sink.accept(query, ids[row], distance);
            }
        }
    }

    /** The rows not removed, as a searchable segment. */
    public Segment seal() {
        int n = size;
        int live = liveCount();
        long[] liveWords = new long[4 * live];
        long[] liveIds = new long[live];
        int k = 0;
        for (int row = 0; row < n; row++) {
            if (!isRemoved(row)) {
                System.arraycopy(words, 4 * row, liveWords, 4 * k, 4);
                liveIds[k++] = ids[row];
            }
        }
        return Segment.of(liveWords, liveIds, k);
    }
}
