package org.recourse.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recourse.pdq.UnreadableImageException.Reason;

/** Truncated, corrupt and hostile input gives a typed exception, quickly and without huge allocations. */
class UnreadableImageTest {

    private final PdqHasher hasher = new PdqHasher();

    private static byte[] corpus(String path) throws IOException {
        return Files.readAllBytes(ReferenceCorpus.image(path));
    }

    private static Reason reasonFor(PdqHasher hasher, byte[] bytes) {
        try {
            hasher.hash(bytes);
            throw new AssertionError("expected the bytes to be unreadable");
        } catch (UnreadableImageException e) {
            return e.reason();
        }
    }

    @Test
    void emptyInputIsCorrupt() {
        assertThat(reasonFor(hasher, new byte[0])).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void textIsNotAnImageFormat() {
        assertThat(reasonFor(hasher, "hello, this is not an image".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Reason.UNSUPPORTED_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 1_000, 10_000, 30_000, 40_400})
    void truncatedJpegIsCorruptRatherThanHalfAnImage(int length) throws IOException {
        byte[] jpeg = corpus("jpeg/baseline-q60-large.jpg");
        assertThat(length).isLessThan(jpeg.length);
        assertThat(reasonFor(hasher, Arrays.copyOf(jpeg, length))).isEqualTo(Reason.CORRUPT);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 30_000, 66_800})
    void truncatedPngIsCorrupt(int length) throws IOException {
        byte[] png = corpus("png/grey-8.png");
        assertThat(length).isLessThan(png.length);
        assertThat(reasonFor(hasher, Arrays.copyOf(png, length))).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void flippedBytesInsidePngDataAreCorrupt() throws IOException {
        byte[] png = corpus("png/palette-8.png");
        for (int i = 2_000; i < 2_100; i++) {
            png[i] ^= (byte) 0x5a;
        }
        assertThat(reasonFor(hasher, png)).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void pngAnnouncingFourBillionPixelsIsRefusedBeforeDecoding() {
        byte[] bomb = pngHeaderOnly(65_535, 65_535);
        long start = System.nanoTime();
        assertThat(reasonFor(hasher, bomb)).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void jpegAnnouncingHugeDimensionsIsRefusedBeforeDecoding() throws IOException {
        byte[] jpeg = corpus("jpeg/baseline-q90.jpg");
        int sof = indexOfMarker(jpeg, 0xc0);
        assertThat(sof).as("baseline SOF0 marker").isPositive();
        ByteBuffer.wrap(jpeg, sof + 5, 4).putShort((short) 60_000).putShort((short) 60_000);
        assertThat(reasonFor(hasher, jpeg)).isEqualTo(Reason.TOO_MANY_PIXELS);
    }

    @Test
    void thePixelLimitIsConfigurable() throws IOException {
        byte[] photo = corpus("jpeg/baseline-q60-large.jpg");
        PdqHasher strict = new PdqHasher(PdqSettings.defaults().withMaxPixels(800L * 600 - 1));
        assertThat(reasonFor(strict, photo)).isEqualTo(Reason.TOO_MANY_PIXELS);
        PdqHasher exact = new PdqHasher(PdqSettings.defaults().withMaxPixels(800L * 600));
        assertThatNoException(exact, photo);
    }

    @Test
    void decodingLongerThanTheTimeLimitTimesOut() throws IOException {
        byte[] png = corpus("png/rgb-8-large.png");
        PdqHasher impatient = new PdqHasher(PdqSettings.defaults().withTimeLimit(Duration.ofMillis(1)));
        long start = System.nanoTime();
        assertThat(reasonFor(impatient, png)).isEqualTo(Reason.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> PdqSettings.defaults().withMaxPixels(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdqSettings.defaults().withTimeLimit(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertThatNoException(PdqHasher hasher, byte[] bytes) {
        try {
            assertThat(hasher.hash(bytes).quality()).isEqualTo(100);
        } catch (UnreadableImageException e) {
            throw new AssertionError("expected a hash, got " + e.reason(), e);
        }
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == marker) {
                return i;
            }
        }
        return -1;
    }

    /** A valid PNG signature and IHDR for a huge RGB image, a tiny IDAT, IEND. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
