package org.recourse.pdq.index.internal;

import java.util.Arrays;

/** A growable list of ints, reused across the steps of one search. */
final class IntList {

    private int[] values = new int[256];
    private int size;

    /** Room for {@code count} more values: the array to write them to, from index {@link #size()}. */
    int[] reserve(int count) {
        if (size + count > values.length) {
            values = Arrays.copyOf(values, Math.max(2 * values.length, size + count));
        }
        return values;
    }

    void add(int value) {
        reserve(1)[size++] = value;
    }

    void setSize(int size) {
        this.size = size;
    }

    int size() {
        return size;
    }

    int get(int index) {
        return values[index];
    }

    /**
     * Sorts the values and keeps, of each run of values that are equal after shifting right by
     * {@code shift}, only the last (the largest).
     */
    void sortDistinctBy(int shift) {
        Arrays.sort(values, 0, size);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (i + 1 < size && values[i] >>> shift == values[i + 1] >>> shift) {
                continue;
            }
            values[n++] = values[i];
        }
        size = n;
    }

    void clear() {
        size = 0;
    }
}
