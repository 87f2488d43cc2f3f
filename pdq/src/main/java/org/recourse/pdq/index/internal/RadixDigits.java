package org.recourse.pdq.index.internal;

/**
 * The digits of a least significant digit first radix sort of values below 2^{@code bits}, shared
 * by {@link IntList} and {@link LongList}: a batch's lists hold hundreds of thousands to millions
 * of values, which this sorts in two or three sequential passes where a comparison sort takes over
 * twenty. Digits of at most 11 bits keep a pass's 2048 counts in the first-level cache and its
 * 2048 write positions' lines in the second.
 */
final class RadixDigits {

    private static final int MAX_DIGIT_BITS = 11;

    final int passes;
    private final int digitBits;
    private final int digitMask;

    RadixDigits(int bits) {
        passes = Math.max(1, (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS);
        digitBits = (bits + passes - 1) / passes;
        digitMask = (1 << digitBits) - 1;
    }

    /** Room for every pass's counts, filled in one read of the values with {@link #slot}. */
    int[] newCounts() {
        return new int[passes << digitBits];
    }

    /** Where the value's digit for this pass is counted. */
    int slot(long value, int pass) {
        return pass << digitBits | (int) (value >>> pass * digitBits) & digitMask;
    }

    /** Turns one pass's counts into the positions its digits' values start at. */
    void startPositions(int[] counts, int pass) {
        int at = 0;
        for (int digit = pass << digitBits, end = digit + digitMask + 1; digit < end; digit++) {
            int count = counts[digit];
            counts[digit] = at;
            at += count;
        }
    }
}
