package org.recourse.pdq.index.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A segment's hashes, about 29.6 bytes each instead of 32: the rows are sorted by the prefix of
 * chunk 0 (the top bits of word 3), so a row's bucket in that order says what those bits are and
 * they are not stored.
 *
 * <p>Stored in three parts of one array, each row's bytes of a part next to each other: first
 * word 0 and the low 16 bits of word 1 (10 bytes), then the rest of words 1 and 2 (14 bytes),
 * then the low bits of word 3 packed to the bits they need. A candidate row is checked on the
 * first part: those 80 bits are within 31 of a random query's for about 3 % of rows, so the
 * check reads 10 bytes of most rows and the other parts (a cache miss each) rarely.
 */
final class HashRecords {

    private static final int FIRST = 10;
    private static final int SECOND = 14;
    private static final long LOW_16 = 0xFFFFL;
    private static final long LOW_48 = 0xFFFF_FFFF_FFFFL;
    private static final VarHandle LONG_AT = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] data;
    private final int size;
    private final int prefixBits;
    private final int lowBits;
    private final long lowMask;
    private final int secondFrom;
    private final long lowFrom;

    /** Room for {@code size} rows whose word 3 has its top {@code prefixBits} (at least 8) implied. */
    HashRecords(int size, int prefixBits) {
        if (prefixBits < 8) {
            throw new IllegalArgumentException("a packed word 3 needs at least 8 implied bits, got " + prefixBits);
        }
        this.size = size;
        this.prefixBits = prefixBits;
        this.lowBits = 64 - prefixBits;
        this.lowMask = (1L << lowBits) - 1;
        this.secondFrom = Math.multiplyExact(FIRST, size);
        this.lowFrom = 24L * size;
        // Eight bytes of padding: the 8-byte read of the last row's word 3 may run past the end.
        long length = lowFrom + (((long) size * lowBits + 7) >>> 3) + 8;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many rows for one array: " + size);
        }
        this.data = new byte[(int) length];
    }

    void set(int row, long w0, long w1, long w2, long w3) {
        int first = FIRST * row;
        LONG_AT.set(data, first, w0);
        data[first + 8] = (byte) w1;
        data[first + 9] = (byte) (w1 >>> 8);
        int second = secondFrom + SECOND * row;
        for (int i = 0; i < 6; i++) {
            data[second + i] = (byte) (w1 >>> (16 + 8 * i));
        }
        LONG_AT.set(data, second + 6, w2);
        long bit = (long) row * lowBits;
        int at = (int) (lowFrom + (bit >>> 3));
        int shift = (int) bit & 7;
        LONG_AT.set(data, at, (long) LONG_AT.get(data, at) | (w3 & lowMask) << shift);
    }

    /** Word {@code w} of the row; for word 3 only the bits below the prefix (the prefix reads as zero). */
    long word(int row, int w) {
        return switch (w) {
            case 0 -> (long) LONG_AT.get(data, FIRST * row);
            case 1 -> ((long) LONG_AT.get(data, FIRST * row + 8) & LOW_16)
                    | ((long) LONG_AT.get(data, secondFrom + SECOND * row) & LOW_48) << 16;
            case 2 -> (long) LONG_AT.get(data, secondFrom + SECOND * row + 6);
            default -> {
                long bit = (long) row * lowBits;
                yield ((long) LONG_AT.get(data, (int) (lowFrom + (bit >>> 3))) >>> ((int) bit & 7)) & lowMask;
            }
        };
    }

    /** The row's word 3 whole, given the prefix its bucket stands for. */
    long word3(int row, int prefix) {
        return word(row, 3) | (long) prefix << lowBits;
    }

    /** The row's words, with its bucket's prefix, into {@code out[at..at+3]}. */
    void copyTo(int row, int prefix, long[] out, int at) {
        out[at] = word(row, 0);
        out[at + 1] = word(row, 1);
        out[at + 2] = word(row, 2);
        out[at + 3] = word3(row, prefix);
    }

    /** Distance from the query over the first part: word 0 and the low 16 bits of word 1. */
    int firstDistance(int row, long q0, long q1) {
        int at = FIRST * row;
        return Long.bitCount((long) LONG_AT.get(data, at) ^ q0)
                + Long.bitCount(((long) LONG_AT.get(data, at + 8) ^ q1) & LOW_16);
    }

    /** Distance from the query over the second part: the high 48 bits of word 1 and word 2. */
    int secondDistance(int row, long q1, long q2) {
        int at = secondFrom + SECOND * row;
        return Long.bitCount(((long) LONG_AT.get(data, at) ^ (q1 >>> 16)) & LOW_48)
                + Long.bitCount((long) LONG_AT.get(data, at + 6) ^ q2);
    }

    /** Distance from the query over the stored bits of word 3. */
    int lowDistance(int row, long q3) {
        return Long.bitCount(word(row, 3) ^ (q3 & lowMask));
    }

    /** Chunk {@code chunk} (1–10; they lie below chunk 0's prefix) of the row. */
    int chunk(int row, int chunk) {
        int w = ChunkLayout.firstWord(chunk);
        return ChunkLayout.tabled(chunk, word(row, w), w < 3 ? word(row, w + 1) : 0);
    }

    int prefixBits() {
        return prefixBits;
    }

    long memoryBytes() {
        return data.length;
    }
}
