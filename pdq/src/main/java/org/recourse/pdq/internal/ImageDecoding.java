package org.recourse.pdq.internal;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.recourse.pdq.PdqSettings;
import org.recourse.pdq.UnreadableImageException;
import org.recourse.pdq.UnreadableImageException.Reason;

/**
 * Bytes to the first image in them, guarded against hostile files: the pixel count is read from
 * the header and checked before any pixel is decoded, and decoding runs on a worker thread the
 * caller stops waiting for when the time limit passes (the reader is asked to abort as well).
 */
public final class ImageDecoding {

    /**
     * For JPEG the JDK's reader comes first: it is IJG libjpeg underneath, like the reference's
     * decoder, and it leaves embedded ICC profiles unapplied as libjpeg does. TwelveMonkeys'
     * reader is the fallback for the JPEG flavours the JDK refuses.
     */
    private static final String JDK_JPEG_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReader";

    private static final ExecutorService DECODERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "pdq-image-decoder");
        thread.setDaemon(true);
        return thread;
    });

    static {
        ImageIO.setUseCache(false);
    }

    private ImageDecoding() {}

    public static Decoded decode(byte[] bytes, PdqSettings settings) throws UnreadableImageException {
        AtomicReference<ImageReader> activeReader = new AtomicReference<>();
        Future<Decoded> decoding = DECODERS.submit(() -> decodeNow(bytes, settings.maxPixels(), activeReader));
        try {
            return decoding.get(settings.timeLimit().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            ImageReader reader = activeReader.get();
            if (reader != null) {
                reader.abort();
            }
            decoding.cancel(true);
            throw new UnreadableImageException(Reason.TIMED_OUT, "decoding took longer than " + settings.timeLimit());
        } catch (InterruptedException e) {
            decoding.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnreadableImageException(Reason.TIMED_OUT, "interrupted while decoding", e);
        } catch (ExecutionException e) {
            throw asUnreadable(e.getCause());
        }
    }

    private static UnreadableImageException asUnreadable(Throwable failure) {
        if (failure instanceof UnreadableImageException unreadable) {
            return unreadable;
        }
        if (failure instanceof OutOfMemoryError) {
            return new UnreadableImageException(Reason.TOO_MANY_PIXELS, "not enough memory to decode the image", failure);
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new UnreadableImageException(Reason.CORRUPT, "damaged or truncated image data (" + detail + ")", failure);
    }

    private static Decoded decodeNow(byte[] bytes, long maxPixels, AtomicReference<ImageReader> activeReader)
            throws UnreadableImageException {
        List<ImageReader> readers = readersFor(bytes);
        if (readers.isEmpty()) {
            throw new UnreadableImageException(Reason.UNSUPPORTED_FORMAT, "not an image PDQ can decode (JPEG, PNG, GIF, BMP, TIFF and WebP are)");
        }
        Throwable lastFailure = null;
        try {
            for (ImageReader reader : readers) {
                activeReader.set(reader);
                try (ImageInputStream input = new ByteArrayImageInputStream(bytes)) {
                    reader.setInput(input, true, true);
                    checkPixelCount(reader, maxPixels);
                    TruncationWarnings truncation = new TruncationWarnings();
                    reader.addIIOReadWarningListener(truncation);
                    Decoded decoded = read(reader, bytes);
                    if (truncation.seen() != null) {
                        throw new UnreadableImageException(Reason.CORRUPT, "the file is truncated: " + truncation.seen());
                    }
                    return decoded;
                } catch (UnreadableImageException e) {
                    throw e;
                } catch (IOException | RuntimeException | StackOverflowError e) {
                    lastFailure = e;
                }
            }
        } finally {
            readers.forEach(ImageReader::dispose);
        }
        throw asUnreadable(lastFailure);
    }

    /** The JDK's JPEG reader returns a JFIF file's raster unconverted, as YCbCr. */
    private static Decoded read(ImageReader reader, byte[] bytes) throws IOException {
        if (reader.getClass().getName().equals(JDK_JPEG_READER) && JfifHeader.isThreeComponentYCbCr(bytes)) {
            return new Decoded.YCbCr(reader.readRaster(0, reader.getDefaultReadParam()));
        }
        BufferedImage image = reader.read(0, readParam(reader));
        if (image == null) {
            throw new IOException("the reader returned no image");
        }
        return new Decoded.Image(image);
    }

    /**
     * libjpeg hands the reference the decoded RGB samples and ignores any embedded ICC profile,
     * but the JDK's JPEG reader converts to sRGB through the profile unless the destination is
     * an image in the profile's own colour space, which then receives the samples as decoded.
     * (Only a destination image works: a destination type fails the reader's own type check.)
     */
    private static ImageReadParam readParam(ImageReader reader) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        if (reader.getClass().getName().equals(JDK_JPEG_READER)) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            while (types.hasNext()) {
                ImageTypeSpecifier type = types.next();
                ColorSpace space = type.getColorModel().getColorSpace();
                if (space.getType() == ColorSpace.TYPE_RGB && !space.isCS_sRGB()) {
                    param.setDestination(type.createBufferedImage(reader.getWidth(0), reader.getHeight(0)));
                    break;
                }
            }
        }
        return param;
    }

    private static void checkPixelCount(ImageReader reader, long maxPixels) throws IOException, UnreadableImageException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw new UnreadableImageException(Reason.CORRUPT, "the header gives no size: " + width + "x" + height);
        }
        if ((long) width * height > maxPixels) {
            throw new UnreadableImageException(Reason.TOO_MANY_PIXELS,
                    width + "x" + height + " is more than the limit of " + maxPixels + " pixels");
        }
    }

    private static List<ImageReader> readersFor(byte[] bytes) throws UnreadableImageException {
        List<ImageReader> readers = new ArrayList<>();
        try (ImageInputStream probe = new ByteArrayImageInputStream(bytes)) {
            Iterator<ImageReader> found = ImageIO.getImageReaders(probe);
            while (found.hasNext()) {
                ImageReader reader = found.next();
                if (reader.getClass().getName().equals(JDK_JPEG_READER)) {
                    readers.addFirst(reader);
                } else {
                    readers.add(reader);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException(Reason.CORRUPT, "cannot probe the image format: " + e, e);
        }
        return readers;
    }
}
