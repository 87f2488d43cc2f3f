package org.recourse.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.recourse.RecourseApplication;
import org.recourse.platform.CliCommand;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole server started the way {@code ./recourse run} starts it, on a free port, for tests
 * that must stop it themselves or give it a database of its own; with a partner-API client.
 */
public final class RunningServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public RunningServer(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        all.addAll(List.of(args));
        this.context = new SpringApplicationBuilder(RecourseApplication.class).run(all.toArray(String[]::new));
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** {@code ./recourse api-key create} with both scopes; returns the printed key. */
    public String createApiKey(String organisation) {
        CliCommand command = context.getBeansOfType(CliCommand.class).values().stream()
                .filter(c -> c.name().equals("api-key create")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = command.run(List.of("--organisation", organisation, "--scopes", "reports:submit,reports:read"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        if (exit != 0) {
            throw new AssertionError("api-key create exited with " + exit);
        }
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("rk_")).findFirst().orElseThrow();
    }

    /** A partner report with {@code reference} as its external reference and in its URL. */
    public HttpResponse<String> submitReport(String key, String reference) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/reports"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"reporterType": "professional", "forms": ["non_consensual_sharing"],
                         "items": [{"url": "https://outage.example/%s"}], "reference": "%s"}
                        """.formatted(reference, reference))));
    }

    public HttpResponse<String> get(String path, String acceptLanguage) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept-Language", acceptLanguage).header("Accept", "text/html").GET());
    }

    public HttpResponse<String> apiGet(String key, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + key).GET());
    }

    /**
     * A reporter signing in on the status page, as a browser does (the form first, for its
     * CSRF cookie and token): a page that needs the database to answer.
     */
    public HttpResponse<String> statusSignIn(String caseNumber, String secret) {
        HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new java.net.CookieManager()).build();
        try {
            String form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/status"))
                    .header("Accept-Language", "nl").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String token = org.jsoup.Jsoup.parse(form).selectFirst("input[name=_csrf]").val();
            String body = "_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)
                    + "&caseNumber=" + caseNumber + "&secret=" + secret;
            return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/status"))
                    .header("Accept-Language", "nl").header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> health() {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server as SIGTERM does; returns how long that took. */
    public Duration stop() {
        long start = System.nanoTime();
        context.close();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
