package org.recourse.pdq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JFIF JPEGs are read as raw YCbCr and converted here: every pixel must come out exactly as
 * the JDK's libjpeg converts it.
 */
class YCbCrFastPathTest {

    private static Path corpus(String path) {
        try {
            return Path.of(YCbCrFastPathTest.class.getResource("/org/recourse/pdq/corpus/images/" + path).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg/baseline-q90.jpg", "jpeg/baseline-q60-large.jpg", "jpeg/progressive-q85.jpg",
        "jpeg/exif-orientation-6.jpg", "tiny/rgb-7x5.jpg"})
    void convertingRawSamplesGivesLibjpegsRgbForEveryPixel(String path) throws IOException {
        byte[] bytes = Files.readAllBytes(corpus(path));
        assertThat(JfifHeader.isThreeComponentYCbCr(bytes)).isTrue();
        BufferedImage converted = jdkReader(bytes).read(0);
        Raster raw = jdkReader(bytes).readRaster(0, null);
        int[] ycc = new int[3];
        int mismatches = 0;
        for (int y = 0; y < raw.getHeight(); y++) {
            for (int x = 0; x < raw.getWidth(); x++) {
                raw.getPixel(x, y, ycc);
                int rgb = YCbCrToRgb.red(ycc[0], ycc[2]) << 16 | YCbCrToRgb.green(ycc[0], ycc[1], ycc[2]) << 8
                        | YCbCrToRgb.blue(ycc[0], ycc[1]);
                if (rgb != (converted.getRGB(x, y) & 0xffffff)) {
                    mismatches++;
                }
            }
        }
        assertThat(mismatches).as("pixels whose RGB differs from libjpeg's").isZero();
    }

    @Test
    void onlyPlainJfifFilesTakeTheFastPath() throws IOException {
        assertThat(JfifHeader.isThreeComponentYCbCr(Files.readAllBytes(corpus("jpeg/cmyk-q90.jpg"))))
                .as("four components, Adobe marker").isFalse();
        byte[] jfif = Files.readAllBytes(corpus("jpeg/baseline-q90.jpg"));
        int app0End = 4 + ((jfif[4] & 0xff) << 8 | (jfif[5] & 0xff));
        byte[] withoutJfif = new byte[jfif.length - app0End + 2];
        System.arraycopy(jfif, 0, withoutJfif, 0, 2);
        System.arraycopy(jfif, app0End, withoutJfif, 2, jfif.length - app0End);
        assertThat(JfifHeader.isThreeComponentYCbCr(withoutJfif)).as("no JFIF segment").isFalse();
        assertThat(JfifHeader.isThreeComponentYCbCr(Files.readAllBytes(corpus("png/palette-8.png")))).isFalse();
        assertThat(JfifHeader.isThreeComponentYCbCr(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})).isFalse();
    }

    private static ImageReader jdkReader(byte[] bytes) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReader")) {
                ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
                reader.setInput(input, true, true);
                return reader;
            }
        }
        throw new IllegalStateException("the JDK's JPEG reader is not registered");
    }
}
