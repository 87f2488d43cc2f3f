package org.recourse.pdq.index.internal;

/**
 * Working space for one batch search, reused across the index's segments and the batch's groups.
 *
 * <p>A batch is searched in groups of up to {@link #GROUP} queries, numbered within their group
 * in the low bits of the sort keys. Larger groups share each sweep over a table among more
 * queries (at 10 M hashes groups of 1,024 were about a quarter faster per query than groups of
 * 512), but a group's (row, query) keys take memory: about 3,500 per query at 10 M hashes, so
 * some 60 MB for a group of 1,024 with the sort's second array.
 */
public final class BatchScratch {

    static final int GROUP_BITS = 10;
    static final int GROUP = 1 << GROUP_BITS;

    /** One entry per (directory bucket, query) a table lookup visits. */
    final IntList lookups = new IntList();
    /** One entry per (row, query) to check. */
    final LongList candidates = new LongList();
    /** The group's chunk values for the table being looked up. */
    final int[] values = new int[GROUP];
    /** One query's rows whose chunk 0 is near, and the bounds of its buckets. */
    final IntList rows = new IntList();
    final int[] bounds = PrefixDirectory.newBounds();
}
