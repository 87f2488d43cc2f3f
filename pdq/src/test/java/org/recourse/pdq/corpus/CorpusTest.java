package org.recourse.pdq.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The committed corpus is what {@link CorpusGenerator} makes: every image it writes, and every
 * 8-bit conversion, decodes to exactly the generator's pixels (JPEGs: the same bytes), and the
 * generator gives the same pixels on every run. Files made by ImageMagick from these (WebP, CMYK
 * JPEG) are checked by their hashes in {@code InteroperabilityTest}.
 */
class CorpusTest {

    private static Path corpus() throws URISyntaxException {
        return Path.of(CorpusTest.class.getResource("/org/recourse/pdq/corpus/expected.csv").toURI()).getParent();
    }

    @Test
    void theCommittedImagesAndConversionsAreTheGeneratorsPixels() throws Exception {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, CorpusGenerator.Picture> entry : CorpusGenerator.pictures().entrySet()) {
            String path = entry.getKey();
            Path file = corpus().resolve("images").resolve(path);
            if (path.endsWith(".jpg")) {
                if (!java.util.Arrays.equals(Files.readAllBytes(file), CorpusGenerator.encode(path, entry.getValue().image()))) {
                    differences.add(path + ": bytes differ from a fresh encoding");
                }
            } else {
                compare(path, ImageIO.read(file.toFile()), entry.getValue().image(), differences);
            }
            if (entry.getValue().conversion() != null) {
                Path conversion = corpus().resolve("conversions").resolve(path + ".png");
                compare(path + " (conversion)", ImageIO.read(conversion.toFile()), entry.getValue().conversion(), differences);
            }
        }
        assertThat(differences).as("corpus files that no longer match CorpusGenerator; run pdq/corpus/make-corpus.sh").isEmpty();
    }

    @Test
    void theGeneratorIsDeterministic() {
        BufferedImage first = CorpusGenerator.photo(64, 48, 42);
        BufferedImage second = CorpusGenerator.photo(64, 48, 42);
        assertThat(samples(first.getRaster())).isEqualTo(samples(second.getRaster()));
        assertThat(samples(CorpusGenerator.photo(64, 48, 43).getRaster())).isNotEqualTo(samples(first.getRaster()));
    }

    private static void compare(String what, BufferedImage committed, BufferedImage generated, List<String> differences)
            throws IOException {
        if (committed == null) {
            differences.add(what + ": cannot be decoded");
        } else if (committed.getWidth() != generated.getWidth() || committed.getHeight() != generated.getHeight()) {
            differences.add(what + ": size " + committed.getWidth() + "x" + committed.getHeight());
        } else if (!java.util.Arrays.equals(samples(committed.getRaster()), samples(generated.getRaster()))
                && !java.util.Arrays.equals(argb(committed), argb(generated))) {
            differences.add(what + ": pixels differ");
        }
    }

    private static int[] samples(Raster raster) {
        return raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), (int[]) null);
    }

    private static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
