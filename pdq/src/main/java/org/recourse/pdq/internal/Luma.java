package org.recourse.pdq.internal;

/**
 * Step 1's output: one float per pixel, row-major, {@code rows × cols}.
 */
public record Luma(float[] values, int rows, int cols) {

    public Luma {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("luma buffer does not match " + rows + "x" + cols);
        }
    }
}
