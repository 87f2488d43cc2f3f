package org.recourse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.directory.Directory;
import org.recourse.support.OpenApiSchemas;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 4xx answers the partner and platform APIs give are the RFC 9457 problem details their
 * OpenAPI document declares: each provoked error has the declared status and media type, and its
 * body validates against the schema the document gives for that status.
 */
@RecourseTest
class OpenApiProblemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    List<CliCommand> commands;

    @Autowired
    Directory directory;

    private final HttpClient http = HttpClient.newHttpClient();
    private JsonNode api;
    private OpenApiSchemas schemas;

    @BeforeEach
    void readTheDocument() throws Exception {
        String document = send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET()).body();
        api = JSON.readTree(document);
        schemas = new OpenApiSchemas(document);
    }

    @Test
    void thePartnerApisErrorsAreTheDeclaredProblems() throws Exception {
        String key = run("api-key create", "--organisation", "Problems " + UUID.randomUUID());
        String readOnly = run("api-key create", "--organisation", "Problems " + UUID.randomUUID(), "--scopes", "reports:read");

        assertDeclared("/api/v1/reports", "post", 401, post("/api/v1/reports", null, "{}"));
        assertDeclared("/api/v1/reports", "post", 403, post("/api/v1/reports", readOnly, "{}"));
        HttpResponse<String> invalid = post("/api/v1/reports", key, "{\"reporterType\":\"nobody\",\"items\":[]}");
        assertDeclared("/api/v1/reports", "post", 400, invalid);
        assertThat(JSON.readTree(invalid.body()).get("errors").get(0).get("field").asString()).isNotBlank();
        assertDeclared("/api/v1/reports", "post", 400, send(HttpRequest.newBuilder(uri("/api/v1/reports"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .header("Idempotency-Key", "k".repeat(201)).POST(HttpRequest.BodyPublishers.ofString("{}"))));
        assertDeclared("/api/v1/reports/{caseNumber}", "get", 404, get("/api/v1/reports/HW-0000-00000", key));
        assertDeclared("/api/v1/reports/{caseNumber}", "get", 401, get("/api/v1/reports/HW-0000-00000", null));
    }

    @Test
    void theNoticeResponseApisErrorsAreTheDeclaredProblems() throws Exception {
        String recipient = directory.all().getFirst().key();
        String key = run("notice-key create", "--recipient", recipient);

        String path = "/api/v1/notices/" + UUID.randomUUID() + "/responses";
        assertDeclared("/api/v1/notices/{id}/responses", "post", 401, post(path, null, "{\"type\":\"acknowledgement\"}"));
        assertDeclared("/api/v1/notices/{id}/responses", "post", 404, post(path, key, "{\"type\":\"acknowledgement\"}"));
    }

    @Test
    void aBodyThatIsNotAProblemFailsTheDeclaredSchema() {
        JsonNode declared = api.at("/paths/~1api~1v1~1reports/post/responses/400/content/application~1problem+json/schema");

        assertThat(schemas.violations(pointer(declared), JSON.readTree("{\"status\":\"bad\",\"title\":7}")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    private void assertDeclared(String path, String method, int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode declared = api.path("paths").path(path).path(method).path("responses").path(String.valueOf(status))
                .path("content").path("application/problem+json").path("schema");
        assertThat(declared.isMissingNode()).as("%s %s declares %d as problem+json", method, path, status).isFalse();
        JsonNode body = JSON.readTree(response.body());
        assertThat(schemas.violations(pointer(declared), body)).as(response.body()).isEmpty();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
    }

    /** The schema a response declares, as a pointer into the document (its {@code $ref}). */
    private static String pointer(JsonNode declared) {
        return declared.get("$ref").asString().substring(1);
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(key == null ? request : request.header("Authorization", "Bearer " + key));
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        return send(key == null ? request : request.header("Authorization", "Bearer " + key));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String run(String name, String... args) {
        CliCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("rk_") || l.startsWith("tk_"))
                .findFirst().orElseThrow();
    }
}
