package org.recourse.pdq.index.internal;

/** Working space for one search, reused across the index's segments. */
public final class SearchScratch {

    final IntList candidateBuckets = new IntList();
    final IntList rowBounds = new IntList();
    final int[] lookupBounds = PrefixDirectory.newBounds();
}
