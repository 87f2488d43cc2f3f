package org.recourse.pdq.internal;

/**
 * Step 6: the 16×16 lowest non-DC frequencies of the 64×64 image's DCT, as the plain matrix
 * product {@code B = D·A·Dᵀ}. Only the 16 rows that are needed are computed; the sums run in
 * the reference's order so the float results agree bit for bit.
 */
final class Dct64To16 {

    /** {@code D[i][j] = sqrt(2/64)·cos(π/128·(i+1)·(2j+1))}; row 0 of the full DCT (DC) is skipped. */
    private static final float[][] D = matrix();

    private Dct64To16() {}

    private static float[][] matrix() {
        float scale = (float) Math.sqrt(2.0 / 64.0);
        float[][] d = new float[16][64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                d[i][j] = (float) (scale * Math.cos((Math.PI / 2.0 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }

    static float[][] of(float[][] a) {
        float[][] t = new float[16][64];
        for (int i = 0; i < 16; i++) {
            float[] di = D[i];
            for (int j = 0; j < 64; j++) {
                float sum = 0;
                for (int k = 0; k < 64; k++) {
                    sum += di[k] * a[k][j];
                }
                t[i][j] = sum;
            }
        }
        float[][] b = new float[16][16];
        for (int i = 0; i < 16; i++) {
            float[] ti = t[i];
            for (int j = 0; j < 16; j++) {
                float[] dj = D[j];
                float sum = 0;
                for (int k = 0; k < 64; k++) {
                    sum += ti[k] * dj[k];
                }
                b[i][j] = sum;
            }
        }
        return b;
    }
}
