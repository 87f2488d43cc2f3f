package org.recourse.evidence.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.recourse.accounts.internal.Totp;
import org.recourse.support.TestStaff;

/**
 * A signed-in staff browser over real HTTP that, unlike a text client, keeps response bodies
 * as bytes (evidence and packages are binary) and can send a file as a request body the way
 * the evidence pages' script does.
 */
final class VaultHttp {

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Document document() {
            return Jsoup.parse(text());
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    VaultHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    VaultHttp signIn(TestStaff.Account account) {
        get("/login");
        Response password = form("/login", Map.of("username", account.username(), "password", account.password()));
        check(password, "/login/totp");
        get("/login/totp");
        check(form("/login/totp", Map.of("code", Totp.currentCode(account.totpSecret(), Instant.now()))), "/staff");
        get("/staff");
        return this;
    }

    private static void check(Response response, String location) {
        String actual = response.header("Location");
        if (actual == null || !actual.endsWith(location)) {
            throw new AssertionError("sign-in step did not lead to " + location + ": " + response.status() + " " + actual);
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")) + (csrf == null ? "" : "&_csrf=" + enc(csrf));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** As the page script does: the file is the body, the CSRF token a header. */
    Response put(String path, String contentType, String filename, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .header("X-CSRF-TOKEN", csrf).PUT(body);
        if (filename != null) {
            request.header("X-Filename", enc(filename).replace("+", "%20"));
        }
        return send(request);
    }

    /** A body too large to hold: read it as it arrives. */
    InputStream stream(String path) {
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response r = new Response(response.statusCode(), response.headers().map(), response.body());
            String type = r.header("Content-Type");
            if (type != null && type.startsWith("text/html")) {
                Element input = r.document().selectFirst("input[name=_csrf]");
                Element form = r.document().selectFirst("form[data-csrf]");
                if (input != null) {
                    csrf = input.attr("value");
                } else if (form != null) {
                    csrf = form.attr("data-csrf");
                }
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
