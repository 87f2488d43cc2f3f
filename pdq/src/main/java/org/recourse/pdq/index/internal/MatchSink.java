package org.recourse.pdq.index.internal;

/** Receives the matches a search finds, in no particular order. */
@FunctionalInterface
public interface MatchSink {

    /** A match of query number {@code query} of a batch (0 for a single search). */
    void accept(int query, long id, int distance);
}
