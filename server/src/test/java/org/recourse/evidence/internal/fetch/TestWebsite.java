package org.recourse.evidence.internal.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A small website on loopback for fetch and capture tests; remembers which paths were requested. */
public final class TestWebsite implements AutoCloseable {

    public record Page(int status, String contentType, byte[] body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    public TestWebsite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public TestWebsite page(String path, String contentType, byte[] body) {
        pages.put(path, new Page(200, contentType, body, Map.of()));
        return this;
    }

    public TestWebsite redirect(String path, int status, String location) {
        pages.put(path, new Page(status, "text/plain", new byte[0], Map.of("Location", location)));
        return this;
    }

    public TestWebsite respond(String path, Page page) {
        pages.put(path, page);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The site's URL on 127.0.0.1, e.g. {@code url("/a")}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public boolean wasRequested(String path) {
        return requested.contains(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requested.add(path);
        exchange.getResponseHeaders().add("X-Seen-Host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
        Page page = pages.get(path);
        if (page == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        page.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", page.contentType());
        exchange.sendResponseHeaders(page.status(), page.body().length == 0 ? -1 : page.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
