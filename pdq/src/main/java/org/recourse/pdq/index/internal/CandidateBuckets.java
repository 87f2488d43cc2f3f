package org.recourse.pdq.index.internal;

import java.util.Arrays;

/**
 * The buckets of a segment's sorted hashes that a search must scan, as found by the chunk
 * tables: a growable list of bucket numbers, reused across the tables of one search.
 */
final class CandidateBuckets {

    private int[] buckets = new int[256];
    private int size;

    void add(int bucket) {
        if (size == buckets.length) {
            buckets = Arrays.copyOf(buckets, 2 * size);
        }
        buckets[size++] = bucket;
    }

    /**
     * Sorts the list and drops repeats: several tables, or several rows of one bucket, may
     * name the same bucket, and each bucket must be scanned once so no match is reported twice.
     * Ascending order also walks memory forwards.
     */
    void sortDistinct() {
        Arrays.sort(buckets, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || buckets[i] != buckets[distinct - 1]) {
                buckets[distinct++] = buckets[i];
            }
        }
        size = distinct;
    }

    int size() {
        return size;
    }

    int get(int index) {
        return buckets[index];
    }
}
