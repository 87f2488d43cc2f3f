package org.recourse.pdq.internal;

import java.util.EnumMap;
import java.util.Map;
import org.recourse.pdq.Hash256;
import org.recourse.pdq.Orientation;
import org.recourse.pdq.PdqHash;

/**
 * Steps 2 to 8 of PDQ, from luma to bits, in the order of Meta's reference implementation.
 */
public final class PdqAlgorithm {

    /** Images smaller than this in either dimension get the all-zero hash with quality 0. */
    static final int MIN_HASHABLE_DIMENSION = 5;

    private PdqAlgorithm() {}

    /** The hash of the image as stored. The luma buffer is overwritten by the blur. */
    public static PdqHash hash(Luma luma) {
        return hashes(luma, false).get(Orientation.ORIGINAL);
    }

    /** The hashes of all eight orientations, sharing one quality. The luma buffer is overwritten. */
    public static Map<Orientation, PdqHash> allOrientations(Luma luma) {
        return hashes(luma, true);
    }

    private static Map<Orientation, PdqHash> hashes(Luma luma, boolean allOrientations) {
        Map<Orientation, PdqHash> result = new EnumMap<>(Orientation.class);
        Orientation[] wanted = allOrientations ? Orientation.values() : new Orientation[] {Orientation.ORIGINAL};
        if (luma.rows() < MIN_HASHABLE_DIMENSION || luma.cols() < MIN_HASHABLE_DIMENSION) {
            for (Orientation orientation : wanted) {
                result.put(orientation, new PdqHash(Hash256.ZERO, 0));
            }
            return result;
        }
        float[][] image64 = downsample(luma);
        int quality = QualityMetric.of(image64);
        float[][] dct = Dct64To16.of(image64);
        for (Orientation orientation : wanted) {
            result.put(orientation, new PdqHash(MedianThreshold.bits(DihedralVariants.of(dct, orientation)), quality));
        }
        return result;
    }

    private static float[][] downsample(Luma luma) {
        if (luma.rows() == Decimation.SIZE && luma.cols() == Decimation.SIZE) {
            return Decimation.copyOf64(luma.values());
        }
        float[] scratch = new float[luma.values().length];
        JaroszFilter.blur(luma.values(), scratch, luma.rows(), luma.cols());
        return Decimation.toSize64(luma.values(), luma.rows(), luma.cols());
    }
}
