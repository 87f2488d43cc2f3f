package org.recourse.pdq.index.internal;

import java.util.Arrays;

/** A growable list of row numbers, reused across the chunks of one search. */
final class CandidateRows {

    private int[] rows = new int[256];
    private int size;

    /** Room for {@code count} more rows: the array to write them to, from index {@link #size()}. */
    int[] reserve(int count) {
        if (size + count > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(2 * rows.length, size + count));
        }
        return rows;
    }

    void setSize(int size) {
        this.size = size;
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
