package org.recourse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public OpenAPI document, as a running server serves it, lints clean under the Redocly CLI's
 * recommended ruleset (a pinned version, run through npx on the machine's Node.js), covers the
 * partner and platform APIs including the notice webhook platforms implement and the match API, and leaves staff
 * routes out.
 */
@RecourseTest
@TestPropertySource(properties = "recourse.public-base-url=https://meldpunt.hotline.example.org")
class OpenApiLintTest {

    /** Pinned: a new Redocly release may add rules; upgrading is a deliberate change. */
    static final String REDOCLY = "@redocly/cli@2.77.0";

    @LocalServerPort
    int port;

    @Test
    void theDocumentLintsCleanUnderRedoclysRecommendedRules() throws Exception {
        String document = fetch("/v3/api-docs");
        Path file = Files.createDirectories(Path.of("target", "openapi")).resolve("recourse-api.json");
        Files.writeString(file, document);

        Process lint;
        try {
            lint = new ProcessBuilder("npx", "--yes", REDOCLY, "lint", "--extends", "recommended", "--format", "stylish",
                    file.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .directory(file.getParent().toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError("This test lints the OpenAPI document with " + REDOCLY + " through npx, which needs "
                    + "Node.js and npm (Debian: apt-get install nodejs npm; .ci/run installs them): " + e.getMessage(), e);
        }
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("redocly finished").isTrue();

        assertThat(lint.exitValue()).as(output).isZero();
        // Warnings leave the exit code at 0: they are found in the report lines ("12:3  warning  rule  message").
        assertThat(output).as(output).contains("Your API description is valid")
                .doesNotContainPattern("(?m)^\\s*\\d+:\\d+\\s+(error|warning)\\s").doesNotContainPattern("You have \\d+ warning");
    }

    @Test
    void itCoversThePartnerAndPlatformApisAndTheNoticeWebhookAndNoStaffRoute() throws Exception {
        JsonNode api = JsonMapper.builder().build().readTree(fetch("/v3/api-docs"));

        List<String> paths = api.get("paths").propertyNames().stream().toList();
        assertThat(paths).containsExactlyInAnyOrder("/api/v1/reports", "/api/v1/reports/{caseNumber}",
                "/api/v1/notices/{id}/responses", "/m/raw_lookup", "/m/lookup", "/m/raw_lookup/batch", "/m/index/status",
                "/m/feed", "/m/feedback");
        assertThat(api.get("webhooks").get("notice").get("post").get("operationId").asString()).isEqualTo("receiveNotice");
        assertThat(api.get("components").get("schemas").get("Notice").get("properties").propertyNames())
                .contains("reference", "items", "notifier", "goodFaithStatement", "text");
        assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("https://meldpunt.hotline.example.org");
        assertThat(api.toString()).doesNotContain("/staff/");
    }

    private String fetch(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
