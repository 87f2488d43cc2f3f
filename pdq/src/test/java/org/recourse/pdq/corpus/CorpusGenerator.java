package org.recourse.pdq.corpus;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes the PDQ interoperability corpus: pictures this project draws itself (no third-party
 * images), saved in every pixel layout and container the library reads. Everything is derived
 * from fixed seeds, so a run produces the same pixels every time; {@link CorpusTest} checks the
 * committed files against a fresh run.
 *
 * <p>For each image that Meta's C++ reference cannot read as is (16-bit samples, alpha, GIF,
 * BMP, TIFF), the generator also writes its <em>8-bit sRGB conversion</em> as a PNG under
 * {@code conversions/}: 16-bit samples become their high byte ({@code v >> 8}), alpha is dropped
 * (not composited: PDQ hashes colour, and so does this library), palettes become their RGB
 * entries. The expected hash of such a file is the reference's hash of that conversion. WebP and
 * CMYK JPEG are made from these pictures by ImageMagick ({@code pdq/corpus/make-corpus.sh}),
 * because the JDK writes neither.
 *
 * <p>Usage: {@code CorpusGenerator DIRECTORY}
 */
public final class CorpusGenerator {

    /**
     * A photo-like picture: broad light and colour structure from a few plane waves of low
     * frequency (what PDQ's 16×16 lowest DCT frequencies see, so small coding differences do not
     * flip bits, as in real photos), fine texture and sensor noise on top.
     */
    static BufferedImage photo(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] waves = new double[10][6];
        for (double[] wave : waves) {
            double angle = random.nextDouble() * Math.PI;
            double cycles = 0.5 + random.nextDouble() * 4;
            wave[0] = Math.cos(angle) * cycles * 2 * Math.PI;
            wave[1] = Math.sin(angle) * cycles * 2 * Math.PI;
            wave[2] = random.nextDouble() * 2 * Math.PI;
            wave[3] = random.nextDouble() * 60;
            wave[4] = random.nextDouble() * 60;
            wave[5] = random.nextDouble() * 60;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        int[] pixel = new int[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                double r = 128;
                double g = 118;
                double b = 108;
                for (double[] wave : waves) {
                    double s = Math.sin(wave[0] * u + wave[1] * v + wave[2]);
                    r += wave[3] * s;
                    g += wave[4] * s;
                    b += wave[5] * s;
                }
                double texture = 6 * Math.sin(x * 0.9 + y * 0.3);
                int noise = random.nextInt(7) - 3;
                pixel[0] = clamp(r + texture + noise);
                pixel[1] = clamp(g + texture + noise);
                pixel[2] = clamp(b + texture + noise);
                image.getRaster().setPixel(x, y, pixel);
            }
        }
        return image;
    }

    /** Every corpus image, by its path under the corpus directory, with its 8-bit conversion where one is needed. */
    static Map<String, Picture> pictures() {
        Map<String, Picture> all = new LinkedHashMap<>();
        BufferedImage landscape = photo(320, 240, 1);
        BufferedImage portrait = photo(240, 320, 2);
        BufferedImage large = photo(800, 600, 3);
        all.put("png/rgb-8.png", Picture.asIs(landscape));
        all.put("png/rgb-8-portrait.png", Picture.asIs(portrait));
        all.put("png/rgb-8-large.png", Picture.asIs(large));
        all.put("png/rgb-16.png", Picture.converted(deepen(landscape, false), landscape));
        all.put("png/rgba-8.png", Picture.converted(withAlpha(landscape), landscape));
        all.put("png/rgba-16.png", Picture.converted(deepen(landscape, true), landscape));
        BufferedImage grey = grey(landscape);
        all.put("png/grey-8.png", Picture.asIs(grey));
        for (int bits : new int[] {1, 2, 4}) {
            all.put("png/grey-" + bits + ".png", Picture.asIs(greyLevels(grey, bits)));
        }
        all.put("png/grey-16.png", Picture.converted(deepenGrey(grey, false), grey));
        all.put("png/grey-alpha-8.png", Picture.converted(greyWithAlpha(grey, false), grey));
        all.put("png/grey-alpha-16.png", Picture.converted(greyWithAlpha(grey, true), grey));
        for (int bits : new int[] {1, 2, 4, 8}) {
            BufferedImage palette = palette(landscape, bits, false);
            all.put("png/palette-" + bits + ".png", Picture.asIs(palette));
        }
        BufferedImage transparentPalette = palette(landscape, 8, true);
        all.put("png/palette-8-trns.png", Picture.converted(transparentPalette, rgb(transparentPalette)));
        BufferedImage gifPalette = palette(portrait, 8, false);
        all.put("gif/palette-8.gif", Picture.converted(gifPalette, rgb(gifPalette)));
        all.put("bmp/rgb-24.bmp", Picture.converted(landscape, landscape));
        all.put("tiff/rgb-8.tiff", Picture.converted(portrait, portrait));
        all.put("tiff/rgb-16.tiff", Picture.converted(deepen(portrait, false), portrait));
        all.put("jpeg/baseline-q90.jpg", Picture.asIs(landscape));
        all.put("jpeg/baseline-q60-large.jpg", Picture.asIs(large));
        all.put("jpeg/progressive-q85.jpg", Picture.asIs(portrait));
        all.put("jpeg/grey-q90.jpg", Picture.asIs(grey));
        for (int orientation = 2; orientation <= 8; orientation++) {
            all.put("jpeg/exif-orientation-" + orientation + ".jpg", Picture.asIs(landscape));
        }
        all.put("tiny/rgb-1x1.png", Picture.asIs(photo(1, 1, 4)));
        all.put("tiny/rgb-2x2.png", Picture.asIs(photo(2, 2, 5)));
        all.put("tiny/rgb-7x5.png", Picture.asIs(photo(7, 5, 6)));
        all.put("tiny/rgb-7x5.jpg", Picture.asIs(photo(7, 5, 6)));
        all.put("aspect/rgb-4000x3.png", Picture.asIs(photo(4000, 3, 7)));
        all.put("aspect/rgb-3x4000.png", Picture.asIs(photo(3, 4000, 8)));
        return all;
    }

    /** An image as written, and the 8-bit sRGB picture the reference hashes for it (null: the file itself). */
    record Picture(BufferedImage image, BufferedImage conversion) {

        static Picture asIs(BufferedImage image) {
            return new Picture(image, null);
        }

        static Picture converted(BufferedImage image, BufferedImage conversion) {
            return new Picture(image, conversion);
        }
    }

    /** Small files of every container, as starting points for the fuzzer. */
    static Map<String, Picture> fuzzSeeds() {
        BufferedImage small = photo(32, 24, 9);
        Map<String, Picture> seeds = new LinkedHashMap<>();
        seeds.put("baseline.jpg", Picture.asIs(small));
        seeds.put("progressive-q85.jpg", Picture.asIs(photo(48, 40, 10)));
        seeds.put("exif-orientation-6.jpg", Picture.asIs(small));
        seeds.put("grey.png", Picture.asIs(grey(small)));
        seeds.put("rgba.png", Picture.asIs(withAlpha(small)));
        seeds.put("palette.gif", Picture.asIs(palette(small, 8, false)));
        seeds.put("rgb.bmp", Picture.asIs(small));
        seeds.put("rgb.tiff", Picture.asIs(small));
        return seeds;
    }

    /**
     * Writes the corpus into DIRECTORY, or with {@code --fuzz-seeds DIRECTORY} the fuzzer's seeds.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--fuzz-seeds")) {
            Path seeds = Path.of(args[1]);
            Files.createDirectories(seeds);
            for (Map.Entry<String, Picture> seed : fuzzSeeds().entrySet()) {
                Files.write(seeds.resolve(seed.getKey()), encode(seed.getKey(), seed.getValue().image()));
            }
            return;
        }
        Path directory = Path.of(args.length > 0 ? args[0] : "pdq/src/test/resources/org/recourse/pdq/corpus");
        for (Map.Entry<String, Picture> entry : pictures().entrySet()) {
            Path file = directory.resolve("images").resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, encode(entry.getKey(), entry.getValue().image()));
            if (entry.getValue().conversion() != null) {
                Path conversion = directory.resolve("conversions").resolve(entry.getKey() + ".png");
                Files.createDirectories(conversion.getParent());
                Files.write(conversion, encode("conversion.png", entry.getValue().conversion()));
            }
        }
        System.out.println(pictures().size() + " images in " + directory.resolve("images"));
    }

    /** The file bytes for {@code path}: the container and settings follow from its name. */
    static byte[] encode(String path, BufferedImage image) throws IOException {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.endsWith(".jpg")) {
            float quality = name.contains("q60") ? 0.6f : name.contains("q85") ? 0.85f : 0.9f;
            byte[] jpeg = jpeg(image, quality, name.startsWith("progressive"));
            if (name.startsWith("exif-orientation-")) {
                return Exif.withOrientation(jpeg, Integer.parseInt(name.replaceAll("\\D", "")));
            }
            return jpeg;
        }
        String format = name.endsWith(".gif") ? "gif" : name.endsWith(".bmp") ? "bmp" : name.endsWith(".tiff") ? "tiff" : "png";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no " + format + " writer for " + path);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image, float quality, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** 16-bit samples whose high byte is the 8-bit picture and whose low byte is unrelated to it. */
    private static BufferedImage deepen(BufferedImage rgb, boolean alpha) {
        int bands = alpha ? 4 : 3;
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(rgb.getWidth(), rgb.getHeight());
        int[] pixel = new int[3];
        int[] deep = new int[bands];
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                rgb.getRaster().getPixel(x, y, pixel);
                for (int c = 0; c < 3; c++) {
                    deep[c] = (pixel[c] << 8) | lowByte(x, y, c);
                }
                if (alpha) {
                    deep[3] = alphaAt(x, y, rgb.getWidth()) * 257;
                }
                raster.setPixel(x, y, deep);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    private static BufferedImage deepenGrey(BufferedImage grey, boolean alpha) {
        return greyImage(grey, true, alpha);
    }

    private static BufferedImage greyWithAlpha(BufferedImage grey, boolean sixteen) {
        return greyImage(grey, sixteen, true);
    }

    private static BufferedImage greyImage(BufferedImage grey, boolean sixteen, boolean alpha) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, sixteen ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(grey.getWidth(), grey.getHeight());
        int[] sample = new int[alpha ? 2 : 1];
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                int value = grey.getRaster().getSample(x, y, 0);
                sample[0] = sixteen ? (value << 8) | lowByte(x, y, 0) : value;
                if (alpha) {
                    int a = alphaAt(x, y, grey.getWidth());
                    sample[1] = sixteen ? a * 257 : a;
                }
                raster.setPixel(x, y, sample);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    private static BufferedImage withAlpha(BufferedImage rgb) {
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_4BYTE_ABGR);
        int[] pixel = new int[3];
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                rgb.getRaster().getPixel(x, y, pixel);
                out.getRaster().setPixel(x, y, new int[] {pixel[0], pixel[1], pixel[2], alphaAt(x, y, rgb.getWidth())});
            }
        }
        return out;
    }

    /** Luma by the integer BT.601 weights, stored as 8-bit grey. */
    private static BufferedImage grey(BufferedImage rgb) {
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        int[] pixel = new int[3];
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                rgb.getRaster().getPixel(x, y, pixel);
                out.getRaster().setSample(x, y, 0, (299 * pixel[0] + 587 * pixel[1] + 114 * pixel[2] + 500) / 1000);
            }
        }
        return out;
    }

    /** Grey quantised to {@code bits} per sample, stored with a grey ramp of that depth. */
    private static BufferedImage greyLevels(BufferedImage grey, int bits) {
        int levels = 1 << bits;
        byte[] ramp = new byte[levels];
        for (int i = 0; i < levels; i++) {
            ramp[i] = (byte) (i * 255 / (levels - 1));
        }
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(bits, levels, ramp, ramp, ramp));
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                out.getRaster().setSample(x, y, 0, (grey.getRaster().getSample(x, y, 0) * (levels - 1) + 127) / 255);
            }
        }
        return out;
    }

    /**
     * The picture with a palette of {@code 2^bits} colours spread over the colour cube (nearest
     * entry, no dithering); with {@code transparent}, some entries are partly transparent (tRNS).
     */
    private static BufferedImage palette(BufferedImage rgb, int bits, boolean transparent) {
        int size = 1 << bits;
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        byte[] a = new byte[size];
        SplittableRandom random = new SplittableRandom(100 + bits);
        for (int i = 0; i < size; i++) {
            r[i] = (byte) random.nextInt(256);
            g[i] = (byte) random.nextInt(256);
            b[i] = (byte) random.nextInt(256);
            a[i] = (byte) (transparent && i % 3 == 0 ? 96 : 255);
        }
        IndexColorModel model = transparent ? new IndexColorModel(bits, size, r, g, b, a) : new IndexColorModel(bits, size, r, g, b);
        BufferedImage out = bits == 8
                ? new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, model)
                : new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_BINARY, model);
        int[] pixel = new int[3];
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                rgb.getRaster().getPixel(x, y, pixel);
                int best = 0;
                int bestDistance = Integer.MAX_VALUE;
                for (int i = 0; i < size; i++) {
                    int dr = pixel[0] - (r[i] & 0xff);
                    int dg = pixel[1] - (g[i] & 0xff);
                    int db = pixel[2] - (b[i] & 0xff);
                    int distance = dr * dr + dg * dg + db * db;
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = i;
                    }
                }
                out.getRaster().setSample(x, y, 0, best);
            }
        }
        return out;
    }

    /** A palette image's colours as plain 8-bit RGB, alpha dropped. */
    private static BufferedImage rgb(BufferedImage indexed) {
        IndexColorModel model = (IndexColorModel) indexed.getColorModel();
        BufferedImage out = new BufferedImage(indexed.getWidth(), indexed.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < indexed.getHeight(); y++) {
            for (int x = 0; x < indexed.getWidth(); x++) {
                int index = indexed.getRaster().getSample(x, y, 0);
                out.getRaster().setPixel(x, y, new int[] {model.getRed(index), model.getGreen(index), model.getBlue(index)});
            }
        }
        return out;
    }

    private static int alphaAt(int x, int y, int width) {
        return 40 + (x * 215 / Math.max(1, width - 1) + y * 7) % 216;
    }

    private static int lowByte(int x, int y, int channel) {
        return (x * 37 + y * 101 + channel * 53) & 0xff;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    private CorpusGenerator() {
    }
}
