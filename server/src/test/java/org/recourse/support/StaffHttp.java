package org.recourse.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.recourse.accounts.internal.Totp;

/**
 * A browser-like client over real HTTP: keeps cookies, picks up the CSRF token from every page
 * it reads, and signs staff in through the real password and TOTP steps. Redirects are not
 * followed automatically so tests can assert where the server sends a user.
 */
public final class StaffHttp {

    private final String baseUrl;
    private final HttpClient client;
    private String csrf;

    public StaffHttp(int port) {
        this(port, null);
    }

    /**
     * A client whose requests come from {@code fromAddress} (a loopback address such as
     * {@code 127.0.0.2}), so per-address limits can be tested with several clients.
     */
    public StaffHttp(int port, String fromAddress) {
        this.baseUrl = "http://" + (fromAddress == null ? "localhost" : "127.0.0.1") + ":" + port;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        if (fromAddress != null) {
            try {
                builder.localAddress(java.net.InetAddress.getByName(fromAddress));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(fromAddress, e);
            }
        }
        this.client = builder.build();
    }

    public record Page(int status, String location, String body) {
        public Document document() {
            return Jsoup.parse(body);
        }

        public boolean redirectsTo(String path) {
            return location != null && (location.equals(path) || location.endsWith(path));
        }
    }

    /** Password and TOTP, as a person would; returns the page the user lands on. */
    public Page signIn(TestStaff.Account account) {
        Page password = signInWithPassword(account.username(), account.password());
        if (!password.redirectsTo("/login/totp")) {
            throw new AssertionError("Password step did not lead to the TOTP step: " + password.status() + " " + password.location());
        }
        get("/login/totp");
        Page totp = postForm("/login/totp", Map.of("code", Totp.currentCode(account.totpSecret(), Instant.now())));
        if (!totp.redirectsTo("/staff")) {
            throw new AssertionError("TOTP step failed: " + totp.status() + " " + totp.location());
        }
        return get("/staff");
    }

    public Page signInWithPassword(String username, String password) {
        get("/login");
        return postForm("/login", Map.of("username", username, "password", password));
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Posts a form with the current CSRF token added. */
    public Page postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            if (built.headers().firstValue("Accept").isEmpty()) {
                built = HttpRequest.newBuilder(built, (name, value) -> true).header("Accept", "text/html").build();
            }
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            Page page = new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
            rememberCsrf(page);
            return page;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form posted (with the CSRF token) whose answer is a file: its bytes, status and headers. */
    public HttpResponse<byte[]> postForBytes(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        String body = all.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        try {
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A download as its bytes, with the status and headers (no page parsing). */
    public HttpResponse<byte[]> download(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String csrfToken() {
        return csrf;
    }

    public String baseUrl() {
        return baseUrl;
    }

    private void rememberCsrf(Page page) {
        if (page.body() == null || !page.body().contains("_csrf")) {
            return;
        }
        Element input = page.document().selectFirst("input[name=_csrf]");
        if (input != null) {
            csrf = input.attr("value");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
