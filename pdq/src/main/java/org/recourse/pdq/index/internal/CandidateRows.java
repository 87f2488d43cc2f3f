package org.recourse.pdq.index.internal;

import java.util.Arrays;

/** A growable list of row numbers, reused across the chunks of one search. */
final class CandidateRows {

    private int[] rows = new int[256];
    private int size;

    void add(int row) {
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, 2 * size);
        }
        rows[size++] = row;
    }

    int size() {
        return size;
    }

    int get(int index) {
        return rows[index];
    }

    void clear() {
        size = 0;
    }
}
