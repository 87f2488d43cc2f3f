package org.recourse.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Our hashes against Meta's C++ reference on the whole generated corpus. Lossless 8-bit files
 * must agree bit for bit; JPEG decoders may differ by a couple of bits; 16-bit files are compared
 * with the reference's hash of their 8-bit conversion (high byte), within 2 bits; lossy WebP is
 * decoded by TwelveMonkeys' pure-Java VP8 decoder, whose chroma upsampling is simpler than
 * libwebp's. Every file of the corpus must have a row, so a new image cannot go untested.
 */
class InteroperabilityTest {

    static final int MAX_JPEG_DISTANCE = 2;
    static final int MAX_SIXTEEN_BIT_DISTANCE = 2;
    static final int MAX_LOSSY_WEBP_DISTANCE = 8;
    static final int MAX_QUALITY_DELTA = 2;

    private final PdqHasher hasher = new PdqHasher();

    @Test
    void everyCorpusFileHashesLikeTheReference() throws IOException {
        List<ReferenceCorpus.Entry> entries = ReferenceCorpus.entries();
        try (var files = Files.walk(ReferenceCorpus.directory().resolve("images"))) {
            assertThat(entries).extracting(ReferenceCorpus.Entry::path).as("an expected hash for every corpus image")
                    .containsExactlyInAnyOrderElementsOf(files.filter(Files::isRegularFile)
                            .map(f -> ReferenceCorpus.directory().resolve("images").relativize(f).toString().replace('\\', '/'))
                            .toList());
        }
        List<String> misses = new ArrayList<>();
        for (ReferenceCorpus.Entry entry : entries) {
            Path file = ReferenceCorpus.image(entry.path());
            Kind kind = Kind.of(entry.path(), file);
            String line;
            try {
                HashResult result = hasher.hash(file);
                int distance = result.pdq().distance(entry.hash());
                int qualityDelta = result.quality() - entry.quality();
                line = String.format(Locale.ROOT, "%-36s %-11s distance=%d (max %d) quality=%d expected=%d %s",
                        entry.path(), kind, distance, kind.maxDistance, result.quality(), entry.quality(), entry.note());
                boolean qualityOk = entry.quality() == 0 ? result.quality() == 0 : Math.abs(qualityDelta) <= MAX_QUALITY_DELTA;
                if (distance > kind.maxDistance || !qualityOk) {
                    misses.add(line);
                }
            } catch (UnreadableImageException e) {
                line = entry.path() + " unreadable: " + e.reason() + " " + e.getMessage();
                misses.add(line);
            }
            System.out.println(line);
        }
        assertThat(misses).as("files whose hash or quality is off the reference").isEmpty();
    }

    enum Kind {
        LOSSLESS(0),
        SIXTEEN_BIT(MAX_SIXTEEN_BIT_DISTANCE),
        JPEG(MAX_JPEG_DISTANCE),
        LOSSY_WEBP(MAX_LOSSY_WEBP_DISTANCE);

        final int maxDistance;

        Kind(int maxDistance) {
            this.maxDistance = maxDistance;
        }

        static Kind of(String path, Path file) throws IOException {
            if (path.contains("-16.")) {
                return SIXTEEN_BIT;
            }
            byte[] head = Arrays.copyOf(Files.readAllBytes(file), 64);
            if ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8) {
                return JPEG;
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (text.startsWith("RIFF") && text.startsWith("WEBP", 8) && !text.contains("VP8L")) {
                return LOSSY_WEBP;
            }
            return LOSSLESS;
        }
    }
}
