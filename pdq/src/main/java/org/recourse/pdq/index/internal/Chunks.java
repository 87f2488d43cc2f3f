package org.recourse.pdq.index.internal;

/**
 * The 256 bits cut into 16 chunks of 16 bits for multi-index hashing. If two hashes are within
 * distance d, by the pigeonhole principle at least one chunk differs in at most d / 16 bits,
 * so looking up every chunk's neighbours within that radius finds every match.
 */
final class Chunks {

    static final int COUNT = 16;
    static final int VALUES = 1 << 16;

    /** For radius r, every 16-bit mask with at most r bits set: 1, 17, 137 and 697 masks. */
    private static final int[][] MASKS_WITHIN = masks();

    private Chunks() {}

    static int of(long[] words, int row, int chunk) {
        return (int) (words[4 * row + (chunk >>> 2)] >>> ((chunk & 3) << 4)) & 0xffff;
    }

    static int of(long w0, long w1, long w2, long w3, int chunk) {
        long word = switch (chunk >>> 2) {
            case 0 -> w0;
            case 1 -> w1;
            case 2 -> w2;
            default -> w3;
        };
        return (int) (word >>> ((chunk & 3) << 4)) & 0xffff;
    }

    static int radius(int maxDistance) {
        return maxDistance / COUNT;
    }

    static int[] masksWithin(int radius) {
        return MASKS_WITHIN[radius];
    }

    private static int[][] masks() {
        int[][] byRadius = new int[4][];
        for (int r = 0; r < byRadius.length; r++) {
            int limit = r;
            byRadius[r] = java.util.stream.IntStream.range(0, VALUES)
                    .filter(mask -> Integer.bitCount(mask) <= limit)
                    .toArray();
        }
        return byRadius;
    }
}
