package org.recourse.pdq.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.recourse.pdq.Hash256;
import org.recourse.pdq.index.internal.BatchScratch;
import org.recourse.pdq.index.internal.DeltaBuffer;
import org.recourse.pdq.index.internal.MatchSink;
import org.recourse.pdq.index.internal.ScratchPool;
import org.recourse.pdq.index.internal.SearchScratch;
import org.recourse.pdq.index.internal.Segment;

/**
 * Exact radius search over PDQ hashes: {@link #search} returns every stored hash within the
 * given Hamming distance of the query, never an approximation.
 *
 * <p>Method: multi-index hashing. Each hash is cut into 11 chunks of 23–26 bits; a match within
 * distance d has some chunk within d / 11 bits of the query's (pigeonhole), so per chunk only
 * the query chunk's neighbours within that radius are looked up (2 bits at the default d = 31).
 * Beyond d = 32 the radius would be 3 and the index scans instead, which is exact but linear.
 * Hashes live in immutable segments (one table set each) plus a small buffer
 * of recent additions that is scanned; full buffers are sealed into segments and segments of
 * similar size are merged, so there are O(log n) of them.
 *
 * <p>Thread safety: searches take no lock and may run on any number of threads while one
 * thread at a time adds or removes (writers are serialised). A search sees the index as it was
 * when the search started, except that a concurrent removal may already be visible.
 */
public final class PdqIndex {

    public static final int DEFAULT_MAX_DISTANCE = 31;
    public static final int MAX_SUPPORTED_DISTANCE = 63;
    static final int BUFFER_CAPACITY = 4096;
    private static final Comparator<Match> NEAREST_FIRST = Comparator.comparingInt(Match::distance).thenComparingLong(Match::id);

    private record Snapshot(List<Segment> segments, DeltaBuffer buffer) {}

    private final Object writeLock = new Object();
    private final ScratchPool<SearchScratch> searchScratch = new ScratchPool<>(16, SearchScratch::new);
    /** Two: a batch's space is large (about 60 MB at 10 M hashes), and batches are few at a time. */
    private final ScratchPool<BatchScratch> batchScratch = new ScratchPool<>(2, BatchScratch::new);
    private volatile Snapshot snapshot = new Snapshot(List.of(), new DeltaBuffer(BUFFER_CAPACITY));
    private volatile int size;

    public void add(long id, Hash256 hash) {
        synchronized (writeLock) {
            Snapshot current = snapshot;
            if (current.buffer().isFull()) {
                current = sealBuffer(current);
            }
            current.buffer().append(id, hash.w0(), hash.w1(), hash.w2(), hash.w3());
            size++;
        }
    }

    /** Adds many hashes at once, building their tables in one go; {@code ids[i]} goes with {@code hashes[i]}. */
    public void addAll(long[] ids, Hash256[] hashes) {
        if (ids.length != hashes.length) {
            throw new IllegalArgumentException(ids.length + " ids for " + hashes.length + " hashes");
        }
        long[] words = new long[4 * hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            words[4 * i] = hashes[i].w0();
            words[4 * i + 1] = hashes[i].w1();
            words[4 * i + 2] = hashes[i].w2();
            words[4 * i + 3] = hashes[i].w3();
        }
        addAll(ids.clone(), words);
    }

    /**
     * Bulk load from packed words (4 longs per hash, word 0 first) without creating hash
     * objects; the index takes ownership of both arrays.
     */
    public void addAll(long[] ids, long[] words) {
        if (words.length != 4 * ids.length) {
            throw new IllegalArgumentException("need 4 words per id");
        }
        synchronized (writeLock) {
            Snapshot current = snapshot;
            List<Segment> segments = new ArrayList<>(current.segments());
            if (ids.length <= Segment.MAX_ROWS) {
                segments.add(Segment.of(words, ids, ids.length));
            } else {
                for (int from = 0; from < ids.length; from += Segment.MAX_ROWS) {
                    int to = Math.min(ids.length, from + Segment.MAX_ROWS);
                    segments.add(Segment.of(Arrays.copyOfRange(words, 4 * from, 4 * to), Arrays.copyOfRange(ids, from, to), to - from));
                }
            }
            publish(new Snapshot(mergeSimilar(segments), current.buffer()));
            size += ids.length;
        }
    }

    /** Removes every hash stored under this id; returns how many there were. Takes O(n). */
    public int remove(long id) {
        synchronized (writeLock) {
            Snapshot current = snapshot;
            int removed = current.buffer().remove(id);
            for (Segment segment : current.segments()) {
                removed += segment.remove(id);
            }
            size -= removed;
            return removed;
        }
    }

    public int size() {
        return size;
    }

    /** Bytes held in the index's arrays (hashes, ids, tables, removal bits). */
    public long memoryBytes() {
        Snapshot current = snapshot;
        long bytes = current.buffer().memoryBytes();
        for (Segment segment : current.segments()) {
            bytes += segment.memoryBytes();
        }
        return bytes;
    }

    public List<Match> search(Hash256 query) {
        return search(query, DEFAULT_MAX_DISTANCE);
    }

    /** Every stored hash within {@code maxDistance} (0..63) of the query, nearest first, then by id. */
    public List<Match> search(Hash256 query, int maxDistance) {
        checkDistance(maxDistance);
        Snapshot current = snapshot;
        List<Match> matches = new ArrayList<>();
        long[] words = query.words();
        MatchSink sink = (ignored, id, distance) -> matches.add(new Match(id, distance));
        SearchScratch scratch = searchScratch.take();
        for (Segment segment : current.segments()) {
            segment.search(words, maxDistance, scratch, sink);
        }
        searchScratch.give(scratch);
        current.buffer().search(words, 0, maxDistance, sink);
        matches.sort(NEAREST_FIRST);
        return matches;
    }

    /**
     * For each query, in order, what {@link #search(Hash256, int)} returns for it: every stored
     * hash within {@code maxDistance} (0..63), nearest first, then by id. All queries see the
     * index as it was when the call started (a concurrent removal may already be visible).
     *
     * <p>Much cheaper per query than searching one at a time when the index is large: the
     * queries are looked up together, a thousand at a time per segment, so that the tables and
     * the hashes are read in memory order instead of at random places for every query, which is
     * where a single search spends most of its time.
     */
    public List<List<Match>> searchAll(Hash256[] queries, int maxDistance) {
        checkDistance(maxDistance);
        if (queries.length == 1) {
            // One query gains nothing from sorting the work of a group, which costs a pass per table.
            return List.of(search(queries[0], maxDistance));
        }
        Snapshot current = snapshot;
        long[] words = new long[4 * queries.length];
        List<List<Match>> results = new ArrayList<>(queries.length);
        for (int q = 0; q < queries.length; q++) {
            words[4 * q] = queries[q].w0();
            words[4 * q + 1] = queries[q].w1();
            words[4 * q + 2] = queries[q].w2();
            words[4 * q + 3] = queries[q].w3();
            results.add(new ArrayList<>());
        }
        MatchSink sink = (query, id, distance) -> results.get(query).add(new Match(id, distance));
        BatchScratch scratch = batchScratch.take();
        for (Segment segment : current.segments()) {
            segment.searchAll(words, queries.length, maxDistance, scratch, sink);
        }
        batchScratch.give(scratch);
        for (int q = 0; q < queries.length; q++) {
            current.buffer().search(words, q, maxDistance, sink);
            results.get(q).sort(NEAREST_FIRST);
        }
        return results;
    }

    private static void checkDistance(int maxDistance) {
        if (maxDistance < 0 || maxDistance > MAX_SUPPORTED_DISTANCE) {
            throw new IllegalArgumentException("distance must be 0.." + MAX_SUPPORTED_DISTANCE + ", got " + maxDistance);
        }
    }

    private Snapshot sealBuffer(Snapshot current) {
        List<Segment> segments = new ArrayList<>(current.segments());
        segments.add(current.buffer().seal());
        Snapshot sealed = new Snapshot(mergeSimilar(segments), new DeltaBuffer(BUFFER_CAPACITY));
        publish(sealed);
        return sealed;
    }

    /**
     * Merges the newest segment into its predecessor while it is at least half as large, which
     * keeps segment sizes roughly doubling from newest to oldest: O(log n) segments to search,
     * and every hash is copied O(log n) times over the index's life. Segments stop growing at
     * {@link Segment#MAX_ROWS} (16.7 million).
     */
    private static List<Segment> mergeSimilar(List<Segment> segments) {
        while (segments.size() >= 2) {
            Segment newest = segments.getLast();
            Segment previous = segments.get(segments.size() - 2);
            int newestLive = newest.liveCount();
            int previousLive = previous.liveCount();
            if (2L * newestLive < previousLive || (long) newestLive + previousLive > Segment.MAX_ROWS) {
                break;
            }
            segments.removeLast();
            segments.removeLast();
            segments.add(Segment.merge(previous, newest));
        }
        return List.copyOf(segments);
    }

    private void publish(Snapshot next) {
        snapshot = next;
    }
}
