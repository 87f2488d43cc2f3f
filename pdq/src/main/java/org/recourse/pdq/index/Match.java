package org.recourse.pdq.index;

/**
 * A stored hash within the search radius of a query.
 *
 * @param id the caller's id given when the hash was added
 * @param distance Hamming distance to the query, 0..63
 */
public record Match(long id, int distance) {}
