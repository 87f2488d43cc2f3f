package org.recourse.pdq.index.internal;

/** Working space for one search, reused across the index's segments. */
public final class SearchScratch {

    final IntList candidateRows = new IntList();
    final int[] lookupBounds = PrefixDirectory.newBounds();
}
