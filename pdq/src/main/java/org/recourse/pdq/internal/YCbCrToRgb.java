package org.recourse.pdq.internal;

/**
 * libjpeg's YCbCr to RGB conversion ({@code jdcolor.c}), in its 16-bit fixed point, so that
 * converting raw samples here gives exactly the RGB libjpeg would have produced.
 */
final class YCbCrToRgb {

    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
    private static final int[] CR_TO_R = new int[256];
    private static final int[] CB_TO_B = new int[256];
    private static final int[] CR_TO_G = new int[256];
    private static final int[] CB_TO_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_TO_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALE_BITS;
            CB_TO_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALE_BITS;
            CR_TO_G[i] = -fix(0.71414) * x;
            CB_TO_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private YCbCrToRgb() {}

    private static int fix(double x) {
        return (int) (x * (1 << SCALE_BITS) + 0.5);
    }

    static int red(int y, int cr) {
        return clamp(y + CR_TO_R[cr]);
    }

    static int green(int y, int cb, int cr) {
        return clamp(y + ((CB_TO_G[cb] + CR_TO_G[cr]) >> SCALE_BITS));
    }

    static int blue(int y, int cb) {
        return clamp(y + CB_TO_B[cb]);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
