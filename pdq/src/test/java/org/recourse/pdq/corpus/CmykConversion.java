package org.recourse.pdq.corpus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Turns raw 8-bit CMYK samples (standard input, as {@code convert x.jpg -depth 8 cmyk:-} writes
 * them) into the 8-bit sRGB PNG the reference hashes for a CMYK JPEG, by Pillow's formula:
 * {@code R = (255 - K) - C * (255 - K) / 255} (integer, rounded as Pillow's MULDIV255), likewise G
 * from M and B from Y.
 *
 * <p>Usage: {@code CmykConversion WIDTH HEIGHT OUT.png < samples}
 */
public final class CmykConversion {

    public static void main(String[] args) throws IOException {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        byte[] cmyk = System.in.readAllBytes();
        if (cmyk.length != width * height * 4) {
            throw new IOException("expected " + width * height * 4 + " bytes of CMYK, got " + cmyk.length);
        }
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int i = 0; i < width * height; i++) {
            int inverseK = 255 - (cmyk[4 * i + 3] & 0xff);
            int[] pixel = new int[3];
            for (int c = 0; c < 3; c++) {
                pixel[c] = inverseK - multiplyDivide255(cmyk[4 * i + c] & 0xff, inverseK);
            }
            rgb.getRaster().setPixel(i % width, i / width, pixel);
        }
        ImageIO.write(rgb, "png", Path.of(args[2]).toFile());
    }

    /** Pillow's MULDIV255: a * b / 255, rounded. */
    private static int multiplyDivide255(int a, int b) {
        int t = a * b + 128;
        return ((t >> 8) + t) >> 8;
    }

    private CmykConversion() {
    }
}
