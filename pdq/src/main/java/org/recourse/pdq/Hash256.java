package org.recourse.pdq;

import java.util.HexFormat;

/**
 * 256 bits of a PDQ hash. Bit {@code k} is bit {@code k mod 64} of word {@code k / 64}: the same
 * layout as the reference's sixteen 16-bit words packed little-end first into four longs, so the
 * hex text (word 15 first) is simply the four longs printed from the last to the first.
 */
public record Hash256(long w0, long w1, long w2, long w3) {

    public static final int BITS = 256;
    public static final int HEX_LENGTH = 64;
    public static final Hash256 ZERO = new Hash256(0, 0, 0, 0);

    /** Parses the 64-character text the reference prints (case-insensitive). */
    public static Hash256 fromHex(String hex) {
        if (hex == null || hex.length() != HEX_LENGTH || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("a PDQ hash is 64 hex digits, got: " + hex);
        }
        return new Hash256(
                HexFormat.fromHexDigitsToLong(hex, 48, 64),
                HexFormat.fromHexDigitsToLong(hex, 32, 48),
                HexFormat.fromHexDigitsToLong(hex, 16, 32),
                HexFormat.fromHexDigitsToLong(hex, 0, 16));
    }

    /** Builds a hash from bits 0..255; {@code bits[k]} is bit {@code k}. */
    public static Hash256 fromBits(boolean[] bits) {
        if (bits.length != BITS) {
            throw new IllegalArgumentException("need 256 bits, got " + bits.length);
        }
        long[] words = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                words[k >>> 6] |= 1L << (k & 63);
            }
        }
        return fromWords(words);
    }

    /** Builds a hash from four 64-bit words, word 0 holding bits 0..63. */
    public static Hash256 fromWords(long[] words) {
        return new Hash256(words[0], words[1], words[2], words[3]);
    }

    public long[] words() {
        return new long[] {w0, w1, w2, w3};
    }

    public boolean bit(int k) {
        if (k < 0 || k >= BITS) {
            throw new IndexOutOfBoundsException(k);
        }
        return (word(k >>> 6) >>> (k & 63) & 1L) != 0;
    }

    public long word(int index) {
        return switch (index) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            case 3 -> w3;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    /** Number of 1 bits; a PDQ hash of a usable image has about 128. */
    public int bitCount() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    /** Hamming distance: the number of differing bits, 0..256. */
    public int distance(Hash256 other) {
        return Long.bitCount(w0 ^ other.w0)
                + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2)
                + Long.bitCount(w3 ^ other.w3);
    }

    /** Lower-case hex, 64 characters, the reference's text form. */
    public String toHex() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(w3) + hex.toHexDigits(w2) + hex.toHexDigits(w1) + hex.toHexDigits(w0);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
