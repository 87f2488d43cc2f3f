package org.recourse.evidence.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class S3BlobStoreTest {

    private static final int PART = 5 * 1024 * 1024;
    private final FakeS3 s3;
    private final S3BlobStore store;

    S3BlobStoreTest() throws IOException {
        s3 = new FakeS3("test-access", "test-secret", "eu-west-1");
        store = new S3BlobStore(s3.endpoint(), "evidence", "vault/", "eu-west-1", "test-access", "test-secret", PART, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    @Test
    void signsLikeTheAwsReferenceExample() {
        // "Example: GET Object" from the S3 SigV4 documentation.
        SigV4 signer = new SigV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1");
        Map<String, String> headers = signer.sign("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
                Map.of("range", "bytes=0-9"), SigV4.EMPTY_SHA256, Instant.parse("2013-05-24T00:00:00Z"));
        assertThat(headers.get("Authorization")).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void storesReadsAndDeletesASmallObject() throws IOException {
        store.put("0123456789abcdef", out -> out.write("ciphertext".getBytes()));
        assertThat(s3.objects).containsKey("/evidence/vault/0123456789abcdef");
        try (InputStream in = store.get("0123456789abcdef")) {
            assertThat(new String(in.readAllBytes())).isEqualTo("ciphertext");
        }
        store.delete("0123456789abcdef");
        assertThat(s3.objects).isEmpty();
        assertThatThrownBy(() -> store.get("0123456789abcdef")).hasMessageContaining("404");
        assertThat(s3.rejectedSignatures).hasValue(0);
    }

    @Test
    void streamsALargeObjectAsAMultipartUpload() throws IOException {
        byte[] data = new byte[2 * PART + 12345];
        new Random(7).nextBytes(data);
        store.put("large-object-0001", out -> {
            for (int i = 0; i < data.length; i += 65536) {
                out.write(data, i, Math.min(65536, data.length - i));
            }
            out.close();
        });
        try (InputStream in = store.get("large-object-0001")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(s3.rejectedSignatures).hasValue(0);
    }

    @Test
    void abortsAFailedMultipartUploadAndLeavesNoObject() {
        s3.failPartNumber = 2;
        assertThatThrownBy(() -> store.put("failing-object-01", out -> out.write(new byte[3 * PART])))
                .isInstanceOf(IOException.class);
        assertThat(s3.aborted).hasValue(1);
        assertThat(s3.objects).isEmpty();
        assertThat(s3.uploads).isEmpty();
    }

    @Test
    void aWrongSecretIsRejectedByTheServer() {
        S3BlobStore wrong = new S3BlobStore(s3.endpoint(), "evidence", "", "eu-west-1", "test-access", "not-the-secret", PART, Clock.systemUTC());
        assertThatThrownBy(() -> wrong.put("0123456789abcdef", out -> out.write(1))).hasMessageContaining("403");
    }
}
