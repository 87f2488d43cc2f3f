package org.recourse.evidence.internal.vault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Just enough of S3 over real HTTP on loopback to exercise the client: objects, multipart
 * uploads, and a check of every request's SigV4 signature (recomputed from what arrived, so a
 * header or path the client signs differently from what it sends is rejected with 403).
 */
final class FakeS3 implements AutoCloseable {

    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
    final AtomicInteger aborted = new AtomicInteger();
    final AtomicInteger rejectedSignatures = new AtomicInteger();
    private final HttpServer server;
    private final SigV4 verifier;
    volatile int failPartNumber = -1;

    FakeS3(String accessKey, String secretKey, String region) throws IOException {
        verifier = new SigV4(accessKey, secretKey, region);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        URI uri = URI.create(endpoint() + ex.getRequestURI().toString());
        String method = ex.getRequestMethod();
        if (!signatureValid(ex, uri, body)) {
            rejectedSignatures.incrementAndGet();
            reply(ex, 403, "<Error><Code>SignatureDoesNotMatch</Code></Error>");
            return;
        }
        String path = uri.getRawPath();
        Map<String, String> query = query(uri.getRawQuery());
        if (method.equals("POST") && query.containsKey("uploads")) {
            String id = UUID.randomUUID().toString();
            uploads.put(id, new TreeMap<>());
            reply(ex, 200, "<InitiateMultipartUploadResult><UploadId>" + id + "</UploadId></InitiateMultipartUploadResult>");
        } else if (method.equals("PUT") && query.containsKey("partNumber")) {
            int number = Integer.parseInt(query.get("partNumber"));
            if (number == failPartNumber) {
                reply(ex, 500, "<Error><Code>InternalError</Code></Error>");
                return;
            }
            uploads.get(query.get("uploadId")).put(number, body);
            ex.getResponseHeaders().add("ETag", "\"etag-" + number + "\"");
            reply(ex, 200, "");
        } else if (method.equals("POST") && query.containsKey("uploadId")) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            uploads.remove(query.get("uploadId")).values().forEach(whole::writeBytes);
            objects.put(path, whole.toByteArray());
            reply(ex, 200, "<CompleteMultipartUploadResult/>");
        } else if (method.equals("DELETE") && query.containsKey("uploadId")) {
            uploads.remove(query.get("uploadId"));
            aborted.incrementAndGet();
            reply(ex, 204, "");
        } else if (method.equals("PUT")) {
            objects.put(path, body);
            reply(ex, 200, "");
        } else if (method.equals("GET")) {
            byte[] object = objects.get(path);
            if (object == null) {
                reply(ex, 404, "");
            } else {
                ex.sendResponseHeaders(200, object.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(object);
                }
            }
        } else if (method.equals("DELETE")) {
            objects.remove(path);
            reply(ex, 204, "");
        } else {
            reply(ex, 400, "");
        }
    }

    private boolean signatureValid(HttpExchange ex, URI uri, byte[] body) {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        String date = ex.getRequestHeaders().getFirst("x-amz-date");
        String payload = ex.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (authorization == null || date == null || payload == null || !payload.equals(SigV4.hex(SigV4.sha256(body)))) {
            return false;
        }
        Instant at = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).parse(date, Instant::from);
        return verifier.sign(ex.getRequestMethod(), uri, Map.of(), payload, at).get("Authorization").equals(authorization);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
