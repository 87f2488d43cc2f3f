package org.recourse.pdq.internal;

import java.util.Arrays;
import org.recourse.pdq.Hash256;

/**
 * Step 7: one bit per DCT coefficient, set when the coefficient is above the median. Using the
 * median (not zero) keeps about half the bits set whatever the image's contrast.
 */
final class MedianThreshold {

    private MedianThreshold() {}

    static Hash256 bits(float[][] dct16) {
        float median = lowerMedian(dct16);
        long[] words = new long[4];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                if (dct16[i][j] > median) {
                    int k = 16 * i + j;
                    words[k >>> 6] |= 1L << (k & 63);
                }
            }
        }
        return Hash256.fromWords(words);
    }

    /** The 128th smallest of the 256 values, as the reference's Torben median returns it. */
    static float lowerMedian(float[][] dct16) {
        float[] all = new float[256];
        for (int i = 0; i < 16; i++) {
            System.arraycopy(dct16[i], 0, all, 16 * i, 16);
        }
        Arrays.sort(all);
        return all[127];
    }
}
