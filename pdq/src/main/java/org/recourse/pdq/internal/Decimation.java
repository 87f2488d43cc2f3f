package org.recourse.pdq.internal;

/** Step 4: sample the blurred image at the centres of a 64×64 grid. */
final class Decimation {

    static final int SIZE = 64;

    private Decimation() {}

    static float[][] toSize64(float[] blurred, int rows, int cols) {
        float[][] out = new float[SIZE][SIZE];
        for (int i = 0; i < SIZE; i++) {
            int r = (int) (((i + 0.5) * rows) / SIZE);
            for (int j = 0; j < SIZE; j++) {
                int c = (int) (((j + 0.5) * cols) / SIZE);
                out[i][j] = blurred[r * cols + c];
            }
        }
        return out;
    }

    /** A 64×64 input is used as is: the reference skips blur and decimation for it. */
    static float[][] copyOf64(float[] image) {
        float[][] out = new float[SIZE][SIZE];
        for (int i = 0; i < SIZE; i++) {
            System.arraycopy(image, i * SIZE, out[i], 0, SIZE);
        }
        return out;
    }
}
