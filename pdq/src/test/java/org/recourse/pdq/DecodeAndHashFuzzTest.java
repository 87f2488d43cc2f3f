package org.recourse.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;

/**
 * Fuzzes the decode-and-hash entry point: whatever the bytes, {@link PdqHasher#hash(byte[])}
 * either returns a well-formed result or throws {@link UnreadableImageException}, within the
 * time limit. The normal suite fuzzes for a bounded time (the surefire execution "fuzz" in
 * pom.xml sets JAZZER_FUZZ); pdq/README.md says how to fuzz longer. Seeds, in
 * src/test/resources/.../DecodeAndHashFuzzTestInputs/decodeAndHash, are small files written by
 * {@code corpus.CorpusGenerator} (JPEG baseline, progressive and with EXIF; PNG, GIF, BMP, TIFF).
 */
class DecodeAndHashFuzzTest {

    private static final PdqHasher HASHER = new PdqHasher(new PdqSettings(4_000_000, Duration.ofSeconds(2)));

    @FuzzTest(maxDuration = "20s")
    void decodeAndHash(byte[] bytes) {
        try {
            HashResult result = HASHER.hash(bytes);
            assertThat(result.quality()).isBetween(0, 100);
            assertThat(result.pdq().hex()).hasSize(64);
            assertThat(result.sha256()).hasSize(64);
            assertThat(result.md5()).hasSize(32);
        } catch (UnreadableImageException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
