package org.recourse.pdq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.recourse.pdq.Hash256;
import org.recourse.pdq.PdqHash;

/** The algorithm's steps on inputs small enough to check by hand. */
class PdqAlgorithmTest {

    @Test
    void boxFilterMatchesTheReferencesWorkedExample() {
        float[] in = new float[16];
        for (int i = 0; i < 16; i++) {
            in[i] = i;
        }
        float[] out = new float[16];
        JaroszFilter.boxOneRow(in, out, 0, 16, 7);
        assertThat(out).containsExactly(6f / 4, 10f / 5, 15f / 6, 21f / 7, 28f / 7, 35f / 7, 42f / 7, 49f / 7,
                56f / 7, 63f / 7, 70f / 7, 77f / 7, 84f / 7, 75f / 6, 65f / 5, 54f / 4);
    }

    @Test
    void windowIsHalfA64thRoundedUp() {
        assertThat(JaroszFilter.windowSize(1024)).isEqualTo(8);
        assertThat(JaroszFilter.windowSize(512)).isEqualTo(4);
        assertThat(JaroszFilter.windowSize(513)).isEqualTo(5);
        assertThat(JaroszFilter.windowSize(64)).isEqualTo(1);
    }

    @Test
    void imagesUnderFivePixelsGetTheZeroHashWithQualityZero() {
        PdqHash hash = PdqAlgorithm.hash(new Luma(new float[4 * 100], 4, 100));
        assertThat(hash).isEqualTo(new PdqHash(Hash256.ZERO, 0));
    }

    @Test
    void aFlatImageHasQualityZero() {
        float[] flat = new float[100 * 80];
        Arrays.fill(flat, 128f);
        assertThat(PdqAlgorithm.hash(new Luma(flat, 100, 80)).quality()).isZero();
    }

    @Test
    void aStripedImageHasFullQualityAndAboutHalfTheBitsSet() {
        float[] stripes = new float[64 * 64];
        for (int i = 0; i < stripes.length; i++) {
            int row = i / 64;
            int col = i % 64;
            stripes[i] = ((row / 4 + col / 8) % 2) * 255f;
        }
        PdqHash hash = PdqAlgorithm.hash(new Luma(stripes, 64, 64));
        assertThat(hash.quality()).isEqualTo(100);
        assertThat(hash.bits().bitCount()).isBetween(100, 128);
    }

    @Test
    void referenceResizeKeepsFloorOfXTimesOldOver512() {
        assertThat(ReferenceResize.applies(512, 512)).isFalse();
        assertThat(ReferenceResize.applies(513, 10)).isTrue();
        int[] source = ReferenceResize.sourceIndices(1004, true);
        assertThat(source).hasSize(512);
        assertThat(source[0]).isZero();
        assertThat(source[1]).isEqualTo(1);
        assertThat(source[511]).isEqualTo(511 * 1004 / 512);
        assertThat(ReferenceResize.sourceIndices(300, true)[511]).as("upsampled along the short side").isEqualTo(299);
    }
}
