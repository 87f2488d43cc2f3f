package org.recourse.pdq.index.internal;

/**
 * Working space for one batch search, reused across the index's segments and the batch's groups.
 *
 * <p>A batch is searched in groups of up to {@link #GROUP} queries, numbered within their group
 * in the low bits of the sort keys: a key is a bucket number (at most 20 bits) above the query's
 * number and a flag bit, so it fits a non-negative int, and a group's keys (about 900 000 at
 * 10 M hashes) stay a few megabytes.
 */
public final class BatchScratch {

    static final int GROUP_BITS = 10;
    public static final int GROUP = 1 << GROUP_BITS;

    /** One entry per (directory bucket, query) a table lookup visits. */
    final IntList lookups = new IntList();
    /** One entry per (chunk-0 bucket, query) to check. */
    final IntList candidates = new IntList();
    /** The group's chunk values for the table being looked up. */
    final int[] values = new int[GROUP];
}
