package org.recourse.pdq.index.internal;

/** Receives the matches a search finds, in no particular order. */
@FunctionalInterface
public interface MatchSink {

    void accept(long id, int distance);
}
