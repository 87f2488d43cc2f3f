package org.recourse.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The orientation hashes derived from the original's DCT must match the hash of the image
 * actually rotated or mirrored: closest to its own variant and well within the match threshold.
 */
class OrientationTest {

    private final PdqHasher hasher = new PdqHasher();

    @ParameterizedTest
    @EnumSource(Orientation.class)
    void derivedHashMatchesTheHashOfTheTransformedImage(Orientation orientation) throws Exception {
        byte[] original = Files.readAllBytes(ReferenceCorpus.image("jpeg/baseline-q90.jpg"));
        HashResult derived = hasher.hashAllOrientations(original);
        assertThat(derived.orientations()).hasSize(8);
        assertThat(derived.orientation(Orientation.ORIGINAL)).contains(derived.pdq().bits());

        Hash256 actual = hasher.hash(bmp(transform(ImageIO.read(ReferenceCorpus.image("jpeg/baseline-q90.jpg").toFile()), orientation)))
                .pdq().bits();

        int own = actual.distance(derived.orientation(orientation).orElseThrow());
        assertThat(own).as("distance to the derived %s hash", orientation).isLessThanOrEqualTo(24);
        for (Orientation other : Orientation.values()) {
            if (other != orientation) {
                assertThat(actual.distance(derived.orientation(other).orElseThrow()))
                        .as("distance to the derived %s hash", other)
                        .isGreaterThan(own + 60);
            }
        }
    }

    /** Pixel (x, y) of the original goes where the orientation sends it (y grows downwards). */
    private static BufferedImage transform(BufferedImage image, Orientation orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean transposes = switch (orientation) {
            case ROTATE_90, ROTATE_270, FLIP_MAIN_DIAGONAL, FLIP_ANTI_DIAGONAL -> true;
            default -> false;
        };
        int outWidth = transposes ? h : w;
        int[] in = image.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = in[y * w + x];
                switch (orientation) {
                    case ORIGINAL -> out[y * outWidth + x] = rgb;
                    case ROTATE_90 -> out[(w - 1 - x) * outWidth + y] = rgb;
                    case ROTATE_180 -> out[(h - 1 - y) * outWidth + (w - 1 - x)] = rgb;
                    case ROTATE_270 -> out[x * outWidth + (h - 1 - y)] = rgb;
                    case FLIP_X -> out[(h - 1 - y) * outWidth + x] = rgb;
                    case FLIP_Y -> out[y * outWidth + (w - 1 - x)] = rgb;
                    case FLIP_MAIN_DIAGONAL -> out[x * outWidth + y] = rgb;
                    case FLIP_ANTI_DIAGONAL -> out[(w - 1 - x) * outWidth + (h - 1 - y)] = rgb;
                }
            }
        }
        BufferedImage result = new BufferedImage(outWidth, transposes ? w : h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, outWidth, transposes ? w : h, out, 0, outWidth);
        return result;
    }

    /** BMP: lossless like PNG, but much faster to write. */
    private static byte[] bmp(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "bmp", out);
        return out.toByteArray();
    }
}
