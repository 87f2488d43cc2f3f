package org.recourse.pdq.index.internal;

import java.util.Arrays;

/** A growable list of ints, reused across the steps of one search or batch. */
final class IntList {

    /** Digits of at most 11 bits keep a pass's 2048 counts in the first-level cache and its 2048 write positions' lines in the second. */
    private static final int MAX_DIGIT_BITS = 11;

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

    /**
     * Sorts values from 0 to 2^{@code bits} - 1 by a least significant digit first radix sort:
     * a batch's lists hold hundreds of thousands of values, which this sorts in about three
     * sequential passes where a comparison sort takes about twenty.
     */
    void radixSort(int bits) {
        int passes = Math.max(1, (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS);
        int digitBits = (bits + passes - 1) / passes;
        int digitMask = (1 << digitBits) - 1;
        int[] counts = new int[passes << digitBits];
        for (int i = 0; i < size; i++) {
            int value = values[i];
            for (int pass = 0; pass < passes; pass++) {
                counts[pass << digitBits | (value >>> pass * digitBits & digitMask)]++;
            }
        }
        if (spare.length < size) {
            spare = new int[values.length];
        }
        for (int pass = 0; pass < passes; pass++) {
            int shiftBy = pass * digitBits;
            int at = 0;
            for (int digit = pass << digitBits, end = digit + digitMask + 1; digit < end; digit++) {
                int count = counts[digit];
                counts[digit] = at;
                at += count;
            }
            int[] from = values;
            int[] to = spare;
            for (int i = 0; i < size; i++) {
                int value = from[i];
                to[counts[pass << digitBits | (value >>> shiftBy & digitMask)]++] = value;
            }
            values = to;
            spare = from;
        }
    }

    void clear() {
        size = 0;
    }
}
