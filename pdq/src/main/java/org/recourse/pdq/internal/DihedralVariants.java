package org.recourse.pdq.internal;

import org.recourse.pdq.Orientation;

/**
 * The DCT of a rotated or mirrored image is the original DCT with some coefficients negated
 * (by index parity) and/or transposed, so the eight orientations need only one decode and one
 * DCT. The sign patterns are the reference's.
 */
final class DihedralVariants {

    private DihedralVariants() {}

    static float[][] of(float[][] b, Orientation orientation) {
        float[][] out = new float[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float v = b[i][j];
                switch (orientation) {
                    case ORIGINAL -> out[i][j] = v;
                    case ROTATE_90 -> out[j][i] = isOdd(j) ? v : -v;
                    case ROTATE_180 -> out[i][j] = isOdd(i + j) ? -v : v;
                    case ROTATE_270 -> out[j][i] = isOdd(i) ? v : -v;
                    case FLIP_X -> out[i][j] = isOdd(i) ? v : -v;
                    case FLIP_Y -> out[i][j] = isOdd(j) ? v : -v;
                    case FLIP_MAIN_DIAGONAL -> out[j][i] = v;
                    case FLIP_ANTI_DIAGONAL -> out[j][i] = isOdd(i + j) ? -v : v;
                }
            }
        }
        return out;
    }

    private static boolean isOdd(int n) {
        return (n & 1) != 0;
    }
}
