package org.recourse.pdq.index.internal;

import java.util.Arrays;

/**
 * A growable list of longs, reused across the groups of one batch: a batch's (row, query) keys
 * take 24 bits for the row at 10 M hashes and 10 for the query, more than an int holds.
 */
final class LongList {

    /** Digits of at most 11 bits keep a pass's 2048 counts in the first-level cache and its 2048 write positions' lines in the second. */
    private static final int MAX_DIGIT_BITS = 11;

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

    /**
     * Sorts values from 0 to 2^{@code bits} - 1 and drops repeats, by a least significant digit
     * first radix sort: a group's list holds millions of values, which this sorts in three
     * sequential passes where a comparison sort takes over twenty.
     */
    void radixSortDistinct(int bits) {
        int passes = Math.max(1, (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS);
        int digitBits = (bits + passes - 1) / passes;
        int digitMask = (1 << digitBits) - 1;
        int[] counts = new int[passes << digitBits];
        for (int i = 0; i < size; i++) {
            long value = values[i];
            for (int pass = 0; pass < passes; pass++) {
                counts[pass << digitBits | (int) (value >>> pass * digitBits) & digitMask]++;
            }
        }
        if (spare.length < size) {
            spare = new long[values.length];
        }
        for (int pass = 0; pass < passes; pass++) {
            int shift = pass * digitBits;
            int at = 0;
            for (int digit = pass << digitBits, end = digit + digitMask + 1; digit < end; digit++) {
                int count = counts[digit];
                counts[digit] = at;
                at += count;
            }
            long[] from = values;
            long[] to = spare;
            for (int i = 0; i < size; i++) {
                long value = from[i];
                to[counts[pass << digitBits | (int) (value >>> shift) & digitMask]++] = value;
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
