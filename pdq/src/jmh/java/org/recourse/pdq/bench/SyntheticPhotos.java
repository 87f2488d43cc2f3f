package org.recourse.pdq.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes the hashing benchmark's corpus: photo-sized (1600×1200) JPEGs at quality 0.85 with
 * gradients, shapes and sensor-like noise, so the decoder does realistic work. No downloads.
 *
 * <p>Usage: {@code SyntheticPhotos DIRECTORY COUNT}
 */
public final class SyntheticPhotos {

    static final int WIDTH = 1600;
    static final int HEIGHT = 1200;

    private SyntheticPhotos() {}

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "pdq/target/bench-corpus");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Files.createDirectories(directory);
        for (int i = 0; i < count; i++) {
            Path file = directory.resolve(String.format("photo-%03d.jpg", i));
            if (!Files.exists(file)) {
                writeJpeg(draw(new Random(i)), file);
            }
        }
        System.out.println(count + " JPEGs of " + WIDTH + "x" + HEIGHT + " in " + directory);
    }

    static BufferedImage draw(Random random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, randomColour(random), WIDTH, HEIGHT, randomColour(random)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int s = 0; s < 40; s++) {
            g.setColor(randomColour(random));
            g.setStroke(new BasicStroke(1 + random.nextInt(20)));
            int x = random.nextInt(WIDTH);
            int y = random.nextInt(HEIGHT);
            int w = 20 + random.nextInt(500);
            int h = 20 + random.nextInt(500);
            switch (random.nextInt(3)) {
                case 0 -> g.fillOval(x, y, w, h);
                case 1 -> g.fillRect(x, y, w, h);
                default -> g.drawLine(x, y, x + w, y + h);
            }
        }
        g.dispose();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = image.getRGB(x, y);
                int noise = random.nextInt(17) - 8;
                image.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) + noise) << 16)
                        | (clamp(((rgb >> 8) & 0xff) + noise) << 8)
                        | clamp((rgb & 0xff) + noise));
            }
        }
        return image;
    }

    private static Color randomColour(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.85f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
