package org.recourse.pdq.internal;

/**
 * Step 3, the blur: Wojciech Jarosz's "Fast Image Convolutions" (SIGGRAPH 2001). Two X,Y
 * passes of 1-D box filters approximate a tent filter, so the decimation that follows samples
 * a smoothed image instead of aliasing.
 *
 * <p>The running sum is updated in exactly the reference's order (add the new sample, then
 * subtract the old one, each rounded to float): the last bits of a hash depend on it.
 */
final class JaroszFilter {

    static final int PASSES = 2;

    private JaroszFilter() {}

    /** Half a 64th of the dimension, rounded up: two passes then cover a full 64th. */
    static int windowSize(int oldDimension) {
        return (oldDimension + 2 * 64 - 1) / (2 * 64);
    }

    /** Blurs {@code image} in place; {@code scratch} has the same size and is overwritten. */
    static void blur(float[] image, float[] scratch, int rows, int cols) {
        int windowAlongRows = windowSize(cols);
        int windowAlongCols = windowSize(rows);
        for (int pass = 0; pass < PASSES; pass++) {
            boxAlongRows(image, scratch, rows, cols, windowAlongRows);
            boxAlongCols(scratch, image, rows, cols, windowAlongCols);
        }
    }

    private static void boxAlongRows(float[] in, float[] out, int rows, int cols, int window) {
        for (int i = 0; i < rows; i++) {
            boxOneRow(in, out, i * cols, cols, window);
        }
    }

    static void boxOneRow(float[] in, float[] out, int start, int length, int window) {
        int half = (window + 2) / 2;
        int li = start;
        int ri = start;
        int oi = start;
        float sum = 0;
        int count = 0;
        for (int n = 0; n < half - 1; n++) {
            sum += in[ri++];
            count++;
        }
        for (int n = 0; n < window - half + 1; n++) {
            sum += in[ri++];
            count++;
            out[oi++] = sum / count;
        }
        for (int n = 0; n < length - window; n++) {
            sum += in[ri++];
            sum -= in[li++];
            out[oi++] = sum / count;
        }
        for (int n = 0; n < half - 1; n++) {
            sum -= in[li++];
            count--;
            out[oi++] = sum / count;
        }
    }

    /**
     * The same 1-D filter down every column, computed for all columns at once row by row: each
     * column's arithmetic is unchanged, but memory is read in order instead of with a stride.
     */
    private static void boxAlongCols(float[] in, float[] out, int rows, int cols, int window) {
        int half = (window + 2) / 2;
        float[] sums = new float[cols];
        int ri = 0;
        int li = 0;
        int oi = 0;
        int count = 0;
        for (int n = 0; n < half - 1; n++) {
            addRow(sums, in, ri++, cols);
            count++;
        }
        for (int n = 0; n < window - half + 1; n++) {
            addRow(sums, in, ri++, cols);
            count++;
            writeRow(sums, out, oi++, cols, count);
        }
        for (int n = 0; n < rows - window; n++) {
            addRow(sums, in, ri++, cols);
            subtractRow(sums, in, li++, cols);
            writeRow(sums, out, oi++, cols, count);
        }
        for (int n = 0; n < half - 1; n++) {
            subtractRow(sums, in, li++, cols);
            count--;
            writeRow(sums, out, oi++, cols, count);
        }
    }

    private static void addRow(float[] sums, float[] in, int row, int cols) {
        int base = row * cols;
        for (int j = 0; j < cols; j++) {
            sums[j] += in[base + j];
        }
    }

    private static void subtractRow(float[] sums, float[] in, int row, int cols) {
        int base = row * cols;
        for (int j = 0; j < cols; j++) {
            sums[j] -= in[base + j];
        }
    }

    private static void writeRow(float[] sums, float[] out, int row, int cols, int count) {
        int base = row * cols;
        float divisor = count;
        for (int j = 0; j < cols; j++) {
            out[base + j] = sums[j] / divisor;
        }
    }
}
