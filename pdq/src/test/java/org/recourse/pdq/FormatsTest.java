package org.recourse.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Re-encodings of corpus images (animated GIF, 16-bit with other low bytes, ICC profiles): a
 * lossless re-encoding of the same pixels must give the same hash bit for bit.
 */
class FormatsTest {

    private final PdqHasher hasher = new PdqHasher();

    private static BufferedImage corpusImage(String path) throws IOException {
        return ImageIO.read(ReferenceCorpus.image(path).toFile());
    }

    /** What Meta's C++ reference gave for a corpus image (or its 8-bit conversion). */
    private static Hash256 referenceHash(String path) {
        return ReferenceCorpus.entries().stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow().hash();
    }

    private Hash256 hashOf(byte[] bytes) throws UnreadableImageException {
        return hasher.hash(bytes).pdq().bits();
    }

    private static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("a %s writer for %s", format, image).isTrue();
        return out.toByteArray();
    }

    @Test
    void gifBmpAndTiffHashLikeThePngOfTheSamePixels() throws Exception {
        BufferedImage palette = corpusImage("png/palette-8.png");
        Hash256 png = hashOf(write(palette, "png"));
        assertThat(hashOf(write(palette, "gif"))).isEqualTo(png);

        BufferedImage rgb = corpusImage("jpeg/baseline-q90.jpg");
        Hash256 rgbPng = hashOf(write(rgb, "png"));
        assertThat(hashOf(write(rgb, "bmp"))).isEqualTo(rgbPng);
        assertThat(hashOf(write(rgb, "tiff"))).isEqualTo(rgbPng);
    }

    @Test
    void animatedGifIsHashedOnItsFirstFrame() throws Exception {
        BufferedImage first = corpusImage("png/palette-8.png");
        BufferedImage second = new BufferedImage(first.getWidth(), first.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(first, null, null), null);
            writer.writeToSequence(new IIOImage(second, null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        assertThat(hashOf(out.toByteArray())).isEqualTo(hashOf(write(first, "png")));
    }

    @Test
    void sixteenBitPngsAreHashedOnTheirHighByte() throws Exception {
        BufferedImage grey = corpusImage("png/grey-8.png");
        BufferedImage grey16 = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster16 = grey16.getRaster();
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                raster16.setSample(x, y, 0, grey.getRaster().getSample(x, y, 0) * 256 + 100);
            }
        }
        Hash256 expected = referenceHash("png/grey-8.png");
        assertThat(hashOf(write(grey16, "png"))).isEqualTo(expected);

        BufferedImage rgb = corpusImage("png/rgb-8.png");
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster rgb16 = model.createCompatibleWritableRaster(rgb.getWidth(), rgb.getHeight());
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                for (int band = 0; band < 3; band++) {
                    rgb16.setSample(x, y, band, rgb.getRaster().getSample(x, y, band) * 257);
                }
            }
        }
        byte[] png16 = write(new BufferedImage(model, rgb16, false, null), "png");
        assertThat(hashOf(png16)).isEqualTo(referenceHash("png/rgb-8.png"));
    }

    @Test
    void progressiveAndBaselineEncodingsOfOneJpegHashTheSame() throws Exception {
        BufferedImage rgb = corpusImage("png/rgb-8-large.png");
        Hash256 baseline = hashOf(jpeg(rgb, false));
        Hash256 progressive = hashOf(jpeg(rgb, true));
        assertThat(progressive).isEqualTo(baseline);
        assertThat(baseline.distance(referenceHash("png/rgb-8-large.png")))
                .as("re-encoded at quality 0.95, still the same picture").isLessThanOrEqualTo(10);
    }

    @Test
    void greyscaleJpegIsHashedOnItsGreyValues() throws Exception {
        BufferedImage grey = corpusImage("png/grey-8.png");
        HashResult result = hasher.hash(jpeg(grey, false));
        assertThat(result.quality()).isEqualTo(100);
        assertThat(result.pdq().distance(referenceHash("png/grey-8.png")))
                .isLessThanOrEqualTo(10);
    }

    @Test
    void embeddedIccProfilesAreNotAppliedAsTheReferenceIgnoresThem() throws Exception {
        byte[] plain = jpeg(corpusImage("png/rgb-8.png"), false);
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        int afterJfif = 4 + ((plain[4] & 0xff) << 8 | (plain[5] & 0xff));
        assertThat(new String(plain, 6, 4, StandardCharsets.US_ASCII)).isEqualTo("JFIF");
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.write(plain, 0, afterJfif);
        int length = 2 + 14 + profile.length;
        tagged.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe2, (byte) (length >> 8), (byte) length});
        tagged.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        tagged.writeBytes(new byte[] {1, 1});
        tagged.writeBytes(profile);
        tagged.write(plain, afterJfif, plain.length - afterJfif);
        BufferedImage colourManaged = ImageIO.read(new ByteArrayInputStream(tagged.toByteArray()));
        BufferedImage unmanaged = ImageIO.read(new ByteArrayInputStream(plain));
        assertThat(colourManaged.getRGB(128, 128)).as("a colour-managing decoder changes the pixels")
                .isNotEqualTo(unmanaged.getRGB(128, 128));
        assertThat(hashOf(tagged.toByteArray())).isEqualTo(hashOf(plain));
    }

    @Test
    void digestsAreThoseOfTheFileBytes() throws Exception {
        // Digests as coreutils' md5sum and sha256sum print them for this file.
        HashResult result = hasher.hash(ReferenceCorpus.image("tiny/rgb-7x5.jpg"));
        assertThat(result.md5()).isEqualTo("52f24ae89681168637655dbce05912a2");
        assertThat(result.sha256()).isEqualTo("ffdca5bbf975a0f0b36d4d93715145c3b9534695737549e2465a3be326379cd3");
        assertThat(result.orientations()).isEmpty();
        assertThat(Files.size(ReferenceCorpus.image("tiny/rgb-7x5.jpg"))).isEqualTo(719);
    }

    private static byte[] jpeg(BufferedImage image, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
