package org.recourse.evidence.internal.vault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Ciphertext in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, ...) through the AWS SDK
 * for Java v2, path-style URLs. The SDK signs, retries and adds checksums. Objects up to one part
 * are a single PUT; larger ones stream as a multipart upload in parts of {@code partSize} bytes,
 * so memory holds one part at most; a failed upload is aborted so no half object remains.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final int MIN_PART = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partSize;

    public S3BlobStore(S3Client s3, String bucket, String prefix, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.partSize = Math.max(partSize, MIN_PART);
    }

    /** The client for an endpoint and static credentials, as configured under {@code recourse.evidence.s3}. */
    public static S3Client client(URI endpoint, String region, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(5)))
                .build();
    }

    @Override
    public void put(String key, Writer writer) throws IOException {
        PartWriter out = new PartWriter(object(key));
        try {
            writer.writeTo(out);
            out.finish();
        } catch (SdkException e) {
            out.abort(e);
            throw new IOException("S3 upload of " + key + " failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            out.abort(e);
            throw e;
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(object(key)));
        } catch (NoSuchKeyException e) {
            throw new IOException("S3 has no object " + key + " (404)", e);
        } catch (SdkException e) {
            throw new IOException("S3 GET " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(object(key)));
        } catch (SdkException e) {
            throw new IOException("S3 DELETE " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private String object(String key) {
        if (!key.matches("[a-z0-9-]{8,64}")) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return prefix + key;
    }

    /** Buffers one part; the first full part turns the upload into a multipart upload. */
    private final class PartWriter extends OutputStream {
        private final String objectKey;
        private final ByteArrayOutputStream part = new ByteArrayOutputStream();
        private final List<CompletedPart> parts = new ArrayList<>();
        private String uploadId;

        PartWriter(String objectKey) {
            this.objectKey = objectKey;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, partSize - part.size());
                part.write(b, off, n);
                off += n;
                len -= n;
                if (part.size() == partSize) {
                    uploadPart();
                }
            }
        }

        private void uploadPart() {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey)).uploadId();
            }
            int number = parts.size() + 1;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(part.toByteArray())).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            part.reset();
        }

        void finish() {
            if (uploadId == null) {
                s3.putObject(b -> b.bucket(bucket).key(objectKey), RequestBody.fromBytes(part.toByteArray()));
                return;
            }
            if (part.size() > 0) {
                uploadPart();
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        }

        /** The writer may close the stream (the encrypting stream does); completing is {@link #finish}'s job. */
        @Override
        public void close() {
        }

        void abort(Exception cause) {
            if (uploadId == null) {
                return;
            }
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
            } catch (SdkException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
