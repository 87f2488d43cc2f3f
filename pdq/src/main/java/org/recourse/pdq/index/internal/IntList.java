package org.recourse.pdq.index.internal;

import java.util.Arrays;

/** A growable list of ints, reused across the steps of one search or batch. */
final class IntList {

    private int[] values = new int[256];
    /** The radix sort's second array, which it swaps with {@code values} on every pass. */
    private int[] spare = new int[0];
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

    /** Sorts the values and drops repeats. */
    void sortDistinct() {
        Arrays.sort(values, 0, size);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (n == 0 || values[n - 1] != values[i]) {
                values[n++] = values[i];
            }
        }
        size = n;
    }

    /** Sorts values from 0 to 2^{@code bits} - 1 ({@link RadixDigits}). */
    void radixSort(int bits) {
        RadixDigits digits = new RadixDigits(bits);
        int[] counts = digits.newCounts();
        for (int i = 0; i < size; i++) {
            for (int pass = 0; pass < digits.passes; pass++) {
                counts[digits.slot(values[i], pass)]++;
            }
        }
        if (spare.length < size) {
            spare = new int[values.length];
        }
        for (int pass = 0; pass < digits.passes; pass++) {
            digits.startPositions(counts, pass);
            int[] from = values;
            int[] to = spare;
            for (int i = 0; i < size; i++) {
                int value = from[i];
                to[counts[digits.slot(value, pass)]++] = value;
            }
            values = to;
            spare = from;
        }
    }

    void clear() {
        size = 0;
    }
}
