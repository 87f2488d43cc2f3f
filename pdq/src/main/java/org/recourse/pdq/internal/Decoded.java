package org.recourse.pdq.internal;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/** What decoding yields: an image, or for common JPEGs the raw YCbCr samples (see {@link JfifHeader}). */
public sealed interface Decoded {

    int width();

    int height();

    /** An image with its colour model, as ImageIO decoded it. */
    record Image(BufferedImage image) implements Decoded {

        public int width() {
            return image.getWidth();
        }

        public int height() {
            return image.getHeight();
        }
    }

    /** A JFIF JPEG's samples, upsampled by libjpeg but not yet converted: bands Y, Cb, Cr. */
    record YCbCr(Raster raster) implements Decoded {

        public int width() {
            return raster.getWidth();
        }

        public int height() {
            return raster.getHeight();
        }
    }
}
