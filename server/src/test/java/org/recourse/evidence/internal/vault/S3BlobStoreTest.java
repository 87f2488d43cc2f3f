package org.recourse.evidence.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recourse.support.S3MockServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** The S3 store against Adobe S3Mock running in its own JVM: a real S3 API over HTTP, not a fake of ours. */
class S3BlobStoreTest {

    private static final int PART = 5 * 1024 * 1024;
    private static S3MockServer server;
    private static S3Client s3;
    private static S3BlobStore store;

    @BeforeAll
    static void startS3() throws Exception {
        server = S3MockServer.start("evidence", "versioned");
        s3 = S3BlobStore.client(server.endpoint(), "eu-west-1", "test-access", "test-secret");
        store = new S3BlobStore(s3, "evidence", "vault/", PART);
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void storesReadsAndDeletesASmallObject() throws IOException {
        store.put("0123456789abcdef", out -> out.write("ciphertext".getBytes()));
        assertThat(s3.listObjectsV2(b -> b.bucket("evidence").prefix("vault/")).contents())
                .extracting(o -> o.key()).contains("vault/0123456789abcdef");
        try (InputStream in = store.get("0123456789abcdef")) {
            assertThat(new String(in.readAllBytes())).isEqualTo("ciphertext");
        }
        store.delete("0123456789abcdef");
        assertThatThrownBy(() -> store.get("0123456789abcdef")).isInstanceOf(IOException.class).hasMessageContaining("404");
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
        // S3 marks a multipart object's ETag with the number of parts: three parts were sent.
        assertThat(s3.headObject(b -> b.bucket("evidence").key("vault/large-object-0001")).eTag()).endsWith("-3\"");
    }

    @Test
    void aPartFailingOnTheWireAbortsTheUploadAndLeavesNoObject() {
        AtomicInteger attempts = new AtomicInteger();
        ExecutionInterceptor secondPartFails = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof UploadPartRequest part && part.partNumber() == 2) {
                    attempts.incrementAndGet();
                    throw SdkClientException.create("connection reset while sending part 2");
                }
            }
        };
        try (S3Client failing = S3Client.builder().endpointOverride(server.endpoint()).region(Region.of("eu-west-1")).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(secondPartFails)).build()) {
            S3BlobStore flaky = new S3BlobStore(failing, "evidence", "vault/", PART);
            assertThatThrownBy(() -> flaky.put("failing-object-01", out -> out.write(new byte[3 * PART])))
                    .isInstanceOf(IOException.class).hasMessageContaining("failing-object-01");
        }
        assertThat(attempts).hasPositiveValue();
        assertNoTrace("vault/failing-object-01");
    }

    @Test
    void aWriterFailingAfterTheFirstPartAbortsTheUpload() {
        assertThatThrownBy(() -> store.put("failing-object-02", out -> {
            out.write(new byte[PART + 10]);
            throw new IOException("encryption stream broke");
        })).isInstanceOf(IOException.class).hasMessage("encryption stream broke");
        assertNoTrace("vault/failing-object-02");
    }

    @Test
    void inAVersionedBucketADeleteHidesTheObjectButKeepsThePreviousVersion() throws IOException {
        s3.putBucketVersioning(b -> b.bucket("versioned").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        S3BlobStore versioned = new S3BlobStore(s3, "versioned", "", PART);
        versioned.put("kept-by-versioning", out -> out.write("sealed bytes".getBytes()));
        versioned.delete("kept-by-versioning");

        assertThatThrownBy(() -> versioned.get("kept-by-versioning")).hasMessageContaining("404");
        var versions = s3.listObjectVersions(b -> b.bucket("versioned").prefix("kept-by-versioning"));
        assertThat(versions.deleteMarkers()).hasSize(1);
        ObjectVersion previous = versions.versions().getFirst();
        try (InputStream in = s3.getObject(b -> b.bucket("versioned").key("kept-by-versioning").versionId(previous.versionId()))) {
            assertThat(new String(in.readAllBytes())).isEqualTo("sealed bytes");
        }
    }

    private static void assertNoTrace(String key) {
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("evidence").key(key))).isInstanceOf(NoSuchKeyException.class);
        assertThat(s3.listMultipartUploads(b -> b.bucket("evidence")).uploads()).noneMatch(u -> u.key().equals(key));
    }
}
