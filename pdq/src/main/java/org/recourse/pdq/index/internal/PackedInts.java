package org.recourse.pdq.index.internal;

/**
 * Unsigned values of a fixed width (0–64 bits) packed back to back in a long array, so that a
 * table pays for the bits its values need rather than for 32 or 64. Written once while a
 * segment is built, then only read.
 */
final class PackedInts {

    private final int width;
    private final long mask;
    /** A word more than the values need: a read always takes two neighbouring words. */
    private final long[] data;

    PackedInts(int size, int width) {
        if (width < 0 || width > 64) {
            throw new IllegalArgumentException("width must be 0..64, got " + width);
        }
        this.width = width;
        this.mask = width == 64 ? -1L : (1L << width) - 1;
        this.data = new long[(int) (((long) size * width) >>> 6) + 2];
    }

    /** Bits needed to hold every value from 0 to {@code max}, read as unsigned. */
    static int bitsFor(long max) {
        return 64 - Long.numberOfLeadingZeros(max);
    }

    int width() {
        return width;
    }

    void set(int index, long value) {
        long bit = (long) index * width;
        int word = (int) (bit >>> 6);
        int shift = (int) bit & 63;
        long v = value & mask;
        data[word] |= v << shift;
        if (shift + width > 64) {
            data[word + 1] |= v >>> (64 - shift);
        }
    }

    long get(int index) {
        long bit = (long) index * width;
        int word = (int) (bit >>> 6);
        int shift = (int) bit & 63;
        // Shifting the high word in two steps makes a shift of 0 yield 0 instead of the word
        // itself (Java masks shift counts to 6 bits), so there is no branch.
        long high = (data[word + 1] << 1) << (63 - shift);
        return ((data[word] >>> shift) | high) & mask;
    }

    long memoryBytes() {
        return 8L * data.length;
    }
}
