package org.recourse.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recourse.support.S3MockServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** The doctor's look at an S3 evidence bucket, against Adobe S3Mock in its own JVM. */
class DoctorBucketTest {

    private static S3MockServer server;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startS3() throws Exception {
        server = S3MockServer.start("unversioned", "versioned");
        try (S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build()) {
            s3.putBucketVersioning(b -> b.bucket("versioned").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        }
    }

    @AfterAll
    static void stopS3() {
        server.close();
    }

    @Test
    void asksForVersioningOnTheEvidenceBucket() {
        assertThat(doctor("unversioned")).contains("PROBLEM  evidence bucket unversioned at " + server.endpoint()
                + " does not keep old versions — turn on versioning for the bucket");
        assertThat(doctor("versioned")).contains("OK       evidence bucket versioned at " + server.endpoint() + " answers and keeps old versions");
        assertThat(doctor("missing-bucket")).contains("PROBLEM  evidence bucket missing-bucket does not exist at " + server.endpoint());
    }

    private String doctor(String bucket) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Doctor.run(new String[] {"doctor", "--recourse.data-dir=" + dataDir, "--recourse.evidence.storage=s3",
                "--recourse.evidence.s3.endpoint=" + server.endpoint(), "--recourse.evidence.s3.bucket=" + bucket,
                "--recourse.evidence.s3.access-key=a", "--recourse.evidence.s3.secret-key=b"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
