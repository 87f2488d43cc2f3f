package org.recourse.pdq.index.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Unsigned values of a fixed width (0–64 bits) packed back to back in a byte array, so that a
 * table pays for the bits its values need rather than for 32 or 64. A value is read with one
 * unaligned 8-byte load (plus one byte for widths over 57), which keeps scanning a bucket of
 * postings nearly as cheap as reading an int array. Written once while a segment is built,
 * then only read.
 */
final class PackedInts {

    private static final VarHandle LONG_AT = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int width;
    private final long mask;
    /** Nine bytes more than the values need, so that every read stays inside the array. */
    private final byte[] data;

    PackedInts(int size, int width) {
        if (width < 0 || width > 64) {
            throw new IllegalArgumentException("width must be 0..64, got " + width);
        }
        this.width = width;
        this.mask = width == 64 ? -1L : (1L << width) - 1;
        this.data = new byte[(int) (((long) size * width) >>> 3) + 9];
    }

    /** Bits needed to hold every value from 0 to {@code max}, read as unsigned. */
    static int bitsFor(long max) {
        return 64 - Long.numberOfLeadingZeros(max);
    }

    void set(int index, long value) {
        long bit = (long) index * width;
        int at = (int) (bit >>> 3);
        int shift = (int) bit & 7;
        long v = value & mask;
        LONG_AT.set(data, at, (long) LONG_AT.get(data, at) | v << shift);
        if (shift + width > 64) {
            data[at + 8] |= (byte) (v >>> (64 - shift));
        }
    }

    long get(int index) {
        long bit = (long) index * width;
        int at = (int) (bit >>> 3);
        int shift = (int) bit & 7;
        long value = (long) LONG_AT.get(data, at) >>> shift;
        if (width > 57) {
            // Shifted in two steps so that a shift of 0 adds nothing (Java masks shift counts
            // to 6 bits, so a shift by 64 would add the byte itself).
            value |= ((data[at + 8] & 0xFFL) << 1) << (63 - shift);
        }
        return value & mask;
    }

    long memoryBytes() {
        return data.length;
    }
}
