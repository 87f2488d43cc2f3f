package org.recourse.evidence.internal.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Chrome DevTools protocol over the browser's {@code --remote-debugging-pipe}: messages are
 * JSON separated by NUL bytes. The pipe is the process's own stdin/stdout, so no debugging port
 * is ever open for another local process to attach to.
 */
final class DevToolsPipe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode CLOSED = JSON.createObjectNode().put("closed", true);

    private final OutputStream out;
    private final BlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final long deadline;

    DevToolsPipe(InputStream fromBrowser, OutputStream toBrowser, Duration timeout) {
        this.out = toBrowser;
        this.deadline = System.nanoTime() + timeout.toNanos();
        Thread.ofVirtual().name("devtools-pipe").start(() -> read(fromBrowser));
    }

    private void read(InputStream in) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == 0) {
                        message.write(buffer, start, i - start);
                        incoming.add(JSON.readTree(message.toByteArray()));
                        message.reset();
                        start = i + 1;
                    }
                }
                message.write(buffer, start, n - start);
            }
        } catch (IOException | RuntimeException e) {
            // The browser went away; callers see the pipe closed.
        }
        incoming.add(CLOSED);
    }

    /** Sends a command and waits for its result, skipping events. */
    JsonNode call(String method, Map<String, Object> params, String sessionId) throws IOException {
        int id = ids.incrementAndGet();
        Map<String, Object> command = sessionId == null
                ? Map.of("id", id, "method", method, "params", params)
                : Map.of("id", id, "method", method, "params", params, "sessionId", sessionId);
        out.write(JSON.writeValueAsBytes(command));
        out.write(0);
        out.flush();
        while (true) {
            JsonNode message = next();
            if (message.path("id").asInt(-1) == id) {
                if (message.has("error")) {
                    throw new IOException("browser refused " + method + ": " + message.path("error").path("message").asString(""));
                }
                return message.path("result");
            }
        }
    }

    /** Waits for an event, e.g. {@code Page.loadEventFired}. */
    void await(String event) throws IOException {
        while (!next().path("method").asString("").equals(event)) {
            // other events are of no interest here
        }
    }

    private JsonNode next() throws IOException {
        try {
            long left = deadline - System.nanoTime();
            JsonNode message = left <= 0 ? null : incoming.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new IOException("the browser did not finish in time");
            }
            if (message == CLOSED) {
                throw new IOException("the browser closed unexpectedly");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
