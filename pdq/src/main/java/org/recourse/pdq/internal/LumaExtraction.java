package org.recourse.pdq.internal;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Step 1, pixels to luma. The reference hashes the 8-bit samples its decoders (libjpeg, libpng)
 * hand it, so embedded ICC profiles are deliberately not applied; modes the reference cannot
 * read are first brought to 8-bit RGB the way the interoperability corpus was converted
 * (alpha dropped, 16-bit samples to their high byte, CMYK by Pillow's naive formula).
 */
public final class LumaExtraction {

    private static final float LUMA_FROM_R = 0.299f;
    private static final float LUMA_FROM_G = 0.587f;
    private static final float LUMA_FROM_B = 0.114f;

    private LumaExtraction() {}

    /** The luma of the pixels the reference hashes: all of them, or a 512×512 sample of large images. */
    public static Luma of(Decoded decoded) {
        boolean resize = ReferenceResize.applies(decoded.height(), decoded.width());
        Grid grid = new Grid(
                ReferenceResize.sourceIndices(decoded.height(), resize),
                ReferenceResize.sourceIndices(decoded.width(), resize));
        return switch (decoded) {
            case Decoded.YCbCr ycc -> fromYCbCr(ycc.raster(), grid);
            case Decoded.Image image -> fromImage(image.image(), grid);
        };
    }

    private static Luma fromImage(BufferedImage image, Grid grid) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        int type = model.getColorSpace().getType();
        if (model instanceof IndexColorModel palette) {
            return fromPalette(raster, palette, grid);
        }
        if (model instanceof ComponentColorModel && !model.isAlphaPremultiplied()) {
            if (type == ColorSpace.TYPE_GRAY && model.getNumColorComponents() == 1) {
                return fromGrey(raster, model.getComponentSize(0), grid);
            }
            if (type == ColorSpace.TYPE_RGB && model.getNumColorComponents() == 3) {
                return fromRgbSamples(raster, model.getComponentSize(0), grid);
            }
            if (type == ColorSpace.TYPE_CMYK && model.getNumColorComponents() == 4) {
                return fromCmyk(raster, model.getComponentSize(0), grid);
            }
        }
        return fromSrgb(image, grid);
    }

    /** Which input rows and columns become the rows and columns of the luma image. */
    private record Grid(int[] rows, int[] cols) {

        Luma newLuma() {
            return new Luma(new float[rows.length * cols.length], rows.length, cols.length);
        }
    }

    static float luma(int r, int g, int b) {
        return LUMA_FROM_R * r + LUMA_FROM_G * g + LUMA_FROM_B * b;
    }

    private static Luma fromRgbSamples(Raster raster, int bits, Grid grid) {
        Luma luma = grid.newLuma();
        float[] out = luma.values();
        int n = grid.cols().length;
        InterleavedBytes bytes = bits == 8 ? InterleavedBytes.of(raster) : null;
        if (bytes != null) {
            for (int i = 0; i < grid.rows().length; i++) {
                int y = grid.rows()[i];
                for (int j = 0; j < n; j++) {
                    int x = grid.cols()[j];
                    out[i * n + j] = luma(bytes.sample(x, y, 0), bytes.sample(x, y, 1), bytes.sample(x, y, 2));
                }
            }
            return luma;
        }
        int width = raster.getWidth();
        int[] pixels = new int[width * raster.getNumBands()];
        int bands = raster.getNumBands();
        for (int i = 0; i < grid.rows().length; i++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + grid.rows()[i], width, 1, pixels);
            for (int j = 0; j < n; j++) {
                int p = grid.cols()[j] * bands;
                out[i * n + j] = luma(to8(pixels[p], bits), to8(pixels[p + 1], bits), to8(pixels[p + 2], bits));
            }
        }
        return luma;
    }

    /** libjpeg's colour conversion, done only for the pixels that are hashed. */
    private static Luma fromYCbCr(Raster raster, Grid grid) {
        Luma luma = grid.newLuma();
        float[] out = luma.values();
        int n = grid.cols().length;
        InterleavedBytes bytes = InterleavedBytes.of(raster);
        if (bytes != null) {
            for (int i = 0; i < grid.rows().length; i++) {
                int row = grid.rows()[i];
                for (int j = 0; j < n; j++) {
                    int col = grid.cols()[j];
                    int y = bytes.sample(col, row, 0);
                    int cb = bytes.sample(col, row, 1);
                    int cr = bytes.sample(col, row, 2);
                    out[i * n + j] = luma(YCbCrToRgb.red(y, cr), YCbCrToRgb.green(y, cb, cr), YCbCrToRgb.blue(y, cb));
                }
            }
            return luma;
        }
        int width = raster.getWidth();
        int[] samples = new int[3 * width];
        for (int i = 0; i < grid.rows().length; i++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + grid.rows()[i], width, 1, samples);
            for (int j = 0; j < n; j++) {
                int p = 3 * grid.cols()[j];
                int y = samples[p];
                int cb = samples[p + 1];
                int cr = samples[p + 2];
                out[i * n + j] = luma(YCbCrToRgb.red(y, cr), YCbCrToRgb.green(y, cb, cr), YCbCrToRgb.blue(y, cb));
            }
        }
        return luma;
    }

    private static Luma fromGrey(Raster raster, int bits, Grid grid) {
        Luma luma = grid.newLuma();
        float[] out = luma.values();
        int n = grid.cols().length;
        int width = raster.getWidth();
        int[] grey = new int[width];
        for (int i = 0; i < grid.rows().length; i++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + grid.rows()[i], width, 1, 0, grey);
            for (int j = 0; j < n; j++) {
                out[i * n + j] = to8(grey[grid.cols()[j]], bits);
            }
        }
        return luma;
    }

    /**
     * Palette images are RGB to the reference (libpng expands them), except a low-bit-depth
     * greyscale image, which ImageIO also presents as a palette of an exact grey ramp.
     */
    private static Luma fromPalette(Raster raster, IndexColorModel palette, Grid grid) {
        int size = palette.getMapSize();
        boolean greyRamp = isGreyRamp(palette);
        float[] lumaOfIndex = new float[size];
        for (int k = 0; k < size; k++) {
            lumaOfIndex[k] = greyRamp ? palette.getRed(k) : luma(palette.getRed(k), palette.getGreen(k), palette.getBlue(k));
        }
        Luma luma = grid.newLuma();
        float[] out = luma.values();
        int n = grid.cols().length;
        int width = raster.getWidth();
        int[] index = new int[width];
        for (int i = 0; i < grid.rows().length; i++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + grid.rows()[i], width, 1, 0, index);
            for (int j = 0; j < n; j++) {
                int k = index[grid.cols()[j]];
                out[i * n + j] = k < size ? lumaOfIndex[k] : 0f;
            }
        }
        return luma;
    }

    private static boolean isGreyRamp(IndexColorModel palette) {
        int bits = palette.getPixelSize();
        int size = palette.getMapSize();
        if (bits >= 8 || size != 1 << bits || palette.hasAlpha()) {
            return false;
        }
        for (int k = 0; k < size; k++) {
            int expected = k * 255 / (size - 1);
            if (palette.getRed(k) != expected || palette.getGreen(k) != expected || palette.getBlue(k) != expected) {
                return false;
            }
        }
        return true;
    }

    /** Pillow's CMYK to RGB, which is how the corpus's CMYK file was converted for the reference. */
    private static Luma fromCmyk(Raster raster, int bits, Grid grid) {
        Luma luma = grid.newLuma();
        float[] out = luma.values();
        int n = grid.cols().length;
        int width = raster.getWidth();
        int[] cmyk = new int[4 * width];
        for (int i = 0; i < grid.rows().length; i++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + grid.rows()[i], width, 1, cmyk);
            for (int j = 0; j < n; j++) {
                int p = 4 * grid.cols()[j];
                int inverseK = 255 - to8(cmyk[p + 3], bits);
                int r = inverseK - multiplyDivide255(to8(cmyk[p], bits), inverseK);
                int g = inverseK - multiplyDivide255(to8(cmyk[p + 1], bits), inverseK);
                int b = inverseK - multiplyDivide255(to8(cmyk[p + 2], bits), inverseK);
                out[i * n + j] = luma(r, g, b);
            }
        }
        return luma;
    }

    private static int multiplyDivide255(int a, int b) {
        int t = a * b + 128;
        return ((t >> 8) + t) >> 8;
    }

    /** Anything else (packed RGB, premultiplied alpha, exotic colour spaces): Java's sRGB conversion. */
    private static Luma fromSrgb(BufferedImage image, Grid grid) {
        Luma luma = grid.newLuma();
        float[] out = luma.values();
        int n = grid.cols().length;
        int width = image.getWidth();
        int[] argb = new int[width];
        for (int i = 0; i < grid.rows().length; i++) {
            image.getRGB(0, grid.rows()[i], width, 1, argb, 0, width);
            for (int j = 0; j < n; j++) {
                int p = argb[grid.cols()[j]];
                out[i * n + j] = luma((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
            }
        }
        return luma;
    }

    /** 8-bit samples pass through, 16-bit ones keep their high byte, fewer bits scale up. */
    private static int to8(int sample, int bits) {
        if (bits >= 8) {
            return sample >>> (bits - 8);
        }
        return sample * 255 / ((1 << bits) - 1);
    }
}
