package org.recourse.evidence.internal.vault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ciphertext in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, ...), path-style URLs,
 * signed with SigV4. Objects up to one part are a single PUT; larger ones stream as a multipart
 * upload in parts of {@code partSize} bytes, so memory holds one part at most; a failed upload
 * is aborted so no half object remains.
 */
public final class S3BlobStore implements BlobStore {

    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI bucketUrl;
    private final String prefix;
    private final SigV4 signer;
    private final int partSize;
    private final Clock clock;

    public S3BlobStore(URI endpoint, String bucket, String prefix, String region, String accessKey, String secretKey,
                       int partSize, Clock clock) {
        String base = endpoint.toString().endsWith("/") ? endpoint.toString() : endpoint + "/";
        this.bucketUrl = URI.create(base + bucket + "/");
        this.prefix = prefix == null ? "" : prefix;
        this.signer = new SigV4(accessKey, secretKey, region);
        this.partSize = Math.max(partSize, 5 * 1024 * 1024);
        this.clock = clock;
    }

    @Override
    public void put(String key, Writer writer) throws IOException {
        PartWriter out = new PartWriter(object(key));
        try {
            writer.writeTo(out);
            out.finish();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        HttpResponse<InputStream> response = send("GET", object(key), new byte[0], HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("S3 GET " + key + " answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void delete(String key) throws IOException {
        expect(send("DELETE", object(key), new byte[0], HttpResponse.BodyHandlers.ofString()), "DELETE", 204, 200);
    }

    private URI object(String key) {
        if (!key.matches("[a-z0-9-]{8,64}")) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return bucketUrl.resolve(prefix + key);
    }

    private <T> HttpResponse<T> send(String method, URI uri, byte[] body, HttpResponse.BodyHandler<T> handler) throws IOException {
        Map<String, String> signed = signer.sign(method, uri, Map.of(), SigV4.hex(SigV4.sha256(body)), clock.instant());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEach(request::header);
        try {
            return http.send(request.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to S3", e);
        }
    }

    private static void expect(HttpResponse<String> response, String what, int... ok) throws IOException {
        for (int status : ok) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IOException("S3 " + what + " answered " + response.statusCode());
    }

    /** Buffers one part; the first full part turns the upload into a multipart upload. */
    private final class PartWriter extends OutputStream {
        private final URI target;
        private final ByteArrayOutputStream part = new ByteArrayOutputStream();
        private final List<String> etags = new ArrayList<>();
        private String uploadId;

        PartWriter(URI target) {
            this.target = target;
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

        private void uploadPart() throws IOException {
            if (uploadId == null) {
                HttpResponse<String> created = send("POST", URI.create(target + "?uploads"), new byte[0], HttpResponse.BodyHandlers.ofString());
                expect(created, "create multipart upload", 200);
                Matcher m = UPLOAD_ID.matcher(created.body());
                if (!m.find()) {
                    throw new IOException("S3 gave no upload id");
                }
                uploadId = m.group(1);
            }
            URI partUri = URI.create(target + "?partNumber=" + (etags.size() + 1) + "&uploadId=" + enc(uploadId));
            HttpResponse<String> uploaded = send("PUT", partUri, part.toByteArray(), HttpResponse.BodyHandlers.ofString());
            expect(uploaded, "upload part", 200);
            etags.add(uploaded.headers().firstValue("ETag").orElseThrow(() -> new IOException("S3 gave no ETag")));
            part.reset();
        }

        void finish() throws IOException {
            if (uploadId == null) {
                expect(send("PUT", target, part.toByteArray(), HttpResponse.BodyHandlers.ofString()), "PUT", 200);
            } else {
                if (part.size() > 0) {
                    uploadPart();
                }
                StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
                for (int i = 0; i < etags.size(); i++) {
                    xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(etags.get(i)).append("</ETag></Part>");
                }
                xml.append("</CompleteMultipartUpload>");
                HttpResponse<String> done = send("POST", URI.create(target + "?uploadId=" + enc(uploadId)),
                        xml.toString().getBytes(StandardCharsets.UTF_8), HttpResponse.BodyHandlers.ofString());
                expect(done, "complete multipart upload", 200);
                if (done.body().contains("<Error>")) {
                    throw new IOException("S3 could not complete the multipart upload");
                }
            }
        }

        /** The writer may close the stream (the encrypting stream does); completing is {@link #finish}'s job. */
        @Override
        public void close() {
        }

        void abort() throws IOException {
            if (uploadId != null) {
                send("DELETE", URI.create(target + "?uploadId=" + enc(uploadId)), new byte[0], HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
