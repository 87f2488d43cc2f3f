package org.recourse.operations.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.core.env.Environment;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Reads (never changes) whether the evidence bucket answers and keeps old versions. */
final class BucketCheck {

    private final Environment env;

    BucketCheck(Environment env) {
        this.env = env;
    }

    Finding run() {
        String endpoint = env.getProperty("recourse.evidence.s3.endpoint");
        String bucket = env.getProperty("recourse.evidence.s3.bucket");
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint))
                .region(Region.of(env.getProperty("recourse.evidence.s3.region", "us-east-1")))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.getProperty("recourse.evidence.s3.access-key"), env.getProperty("recourse.evidence.s3.secret-key"))))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(10)))
                .build()) {
            BucketVersioningStatus status = s3.getBucketVersioning(b -> b.bucket(bucket)).status();
            if (status != BucketVersioningStatus.ENABLED) {
                return Finding.problem("evidence bucket " + bucket + " at " + endpoint + " does not keep old versions",
                        "turn on versioning for the bucket (and object lock if the provider has it): without it a deleted or overwritten object is gone");
            }
            return Finding.ok("evidence bucket " + bucket + " at " + endpoint + " answers and keeps old versions");
        } catch (NoSuchBucketException e) {
            return Finding.problem("evidence bucket " + bucket + " does not exist at " + endpoint, "create it with versioning on, or fix RECOURSE_EVIDENCE_S3_BUCKET");
        } catch (SdkException | IllegalArgumentException e) {
            return Finding.problem("evidence bucket " + bucket + " at " + endpoint + " does not answer",
                    "check RECOURSE_EVIDENCE_S3_ENDPOINT and the credentials, and that this machine can reach the endpoint");
        }
    }
}
