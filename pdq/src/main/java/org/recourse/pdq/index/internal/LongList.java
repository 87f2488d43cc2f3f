package org.recourse.pdq.index.internal;

import java.util.Arrays;

/**
 * A growable list of longs, reused across the groups of one batch: a batch's (row, query) keys
 * take 24 bits for the row at 10 M hashes and 10 for the query, more than an int holds.
 */
final class LongList {

    private long[] values = new long[256];
    /** The radix sort's second array, which it swaps with {@code values} on every pass. */
    private long[] spare = new long[0];
    private int size;

    /** Room for {@code count} more values: the array to write them to, from index {@link #size()}. */
    long[] reserve(int count) {
        if (size + count > values.length) {
            values = Arrays.copyOf(values, Math.max(2 * values.length, size + count));
        }
        return values;
    }

    void setSize(int size) {
        this.size = size;
    }

    int size() {
        return size;
    }

    long get(int index) {
        return values[index];
    }

    void clear() {
        size = 0;
    }

    /** Sorts values from 0 to 2^{@code bits} - 1 ({@link RadixDigits}) and drops repeats. */
    void radixSortDistinct(int bits) {
        RadixDigits digits = new RadixDigits(bits);
        int[] counts = digits.newCounts();
        for (int i = 0; i < size; i++) {
            for (int pass = 0; pass < digits.passes; pass++) {
                counts[digits.slot(values[i], pass)]++;
            }
        }
        if (spare.length < size) {
            spare = new long[values.length];
        }
        for (int pass = 0; pass < digits.passes; pass++) {
            digits.startPositions(counts, pass);
            long[] from = values;
            long[] to = spare;
            for (int i = 0; i < size; i++) {
                long value = from[i];
                to[counts[digits.slot(value, pass)]++] = value;
            }
            values = to;
            spare = from;
        }
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (n == 0 || values[n - 1] != values[i]) {
                values[n++] = values[i];
            }
        }
        size = n;
    }
}
