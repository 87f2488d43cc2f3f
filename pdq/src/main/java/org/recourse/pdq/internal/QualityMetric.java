package org.recourse.pdq.internal;

/**
 * Step 5: PDQ's quality is a count of significant gradients in the 64×64 image. Each
 * difference is quantised to an integer first so that many tiny gradients (noise, a flat
 * image) do not add up to a good score; the constants are the paper's hand-tuned ones.
 */
final class QualityMetric {

    private QualityMetric() {}

    static int of(float[][] image64) {
        int gradientSum = 0;
        for (int i = 0; i < 63; i++) {
            for (int j = 0; j < 64; j++) {
                gradientSum += Math.abs(quantisedDifference(image64[i][j], image64[i + 1][j]));
            }
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 63; j++) {
                gradientSum += Math.abs(quantisedDifference(image64[i][j], image64[i][j + 1]));
            }
        }
        return Math.min(100, gradientSum / 90);
    }

    private static int quantisedDifference(float u, float v) {
        return (int) (((u - v) * 100) / 255);
    }
}
