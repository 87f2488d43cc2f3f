package org.recourse.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.platform.CliCommand;
import org.recourse.audit.AuditActor;
import org.recourse.intake.internal.api.ApiKeys;
import org.recourse.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The partner API over real HTTP, with keys provisioned the way an operator does it. */
@RecourseTest
class PartnerApiTest {

    @LocalServerPort
    int port;

    @Autowired
    List<CliCommand> commands;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiKeys keys;

    @Autowired
    MutableClock clock;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    /** {@code ./recourse api-key create}, as the launcher runs it; returns the printed key. */
    private String createKey(String organisation, String... scopes) {
        CliCommand command = commands.stream().filter(c -> c.name().equals("api-key create")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--organisation", organisation));
        if (scopes.length > 0) {
            args.addAll(List.of("--scopes", String.join(",", scopes)));
        }
        int exit = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("rk_")).findFirst().orElseThrow();
    }

    private HttpResponse<String> post(String key, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String key, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String report(String reference) {
        return """
                {"reporterType": "professional", "forms": ["non_consensual_sharing"],
                 "items": [{"url": "https://api.example/%s"}], "reference": "%s"}
                """.formatted(reference, reference);
    }

    @Test
    void aNulCharacterOrAnOversizedBodyGetsAProblemAndNothingIsStored() throws Exception {
        String key = createKey("Partner " + UUID.randomUUID());
        String reference = "nul-" + UUID.randomUUID();
        String withNul = report(reference).replace("\"reference\"", "\"description\": \"a\\u0000b\", \"reference\"");

        HttpResponse<String> nul = post(key, withNul, null);
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(json.readTree(nul.body()).get("field").asString()).isEqualTo("description");
        assertThat(json.readTree(nul.body()).get("detail").asString()).contains("description", "NUL");

        String huge = "{\"description\": \"" + "x".repeat(2_000_000) + "\"}";
        HttpResponse<String> declared = post(key, huge, null);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json.readTree(declared.body()).get("status").asInt()).isEqualTo(413);

        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as("a body without a declared length is cut off at the limit too").isEqualTo(413);
        assertThat(jdbc.sql("select count(*) from reported_item where url = ?").param("https://api.example/" + reference)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aValidKeyCreatesACaseThatItsOrganisationCanFollow() throws Exception {
        String organisation = "Partner " + UUID.randomUUID();
        String key = createKey(organisation);
        String reference = "ref-" + UUID.randomUUID();

        HttpResponse<String> created = post(key, report(reference), null);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        String number = body.get("caseNumber").asString();
        assertThat(number).matches("RC-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(body.get("statusUrl").asString()).isEqualTo("http://localhost:" + port + "/api/v1/reports/" + number);
        assertThat(created.headers().firstValue("Location")).contains(body.get("statusUrl").asString());

        HttpResponse<String> status = get(key, body.get("statusUrl").asString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(json.readTree(status.body()).get("status").asString()).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("select channel from intake_case where case_number = ?").param(number).query(String.class).single())
                .isEqualTo("partner_api");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'api-key.created' and actor = 'cli:api-key-create'")
                .query(Integer.class).single()).isPositive();

        String other = createKey("Other " + UUID.randomUUID());
        assertThat(get(other, body.get("statusUrl").asString()).statusCode()).isEqualTo(404);
    }

    @Test
    void invalidFieldsAreEachListedInProblemDetails() throws Exception {
        String key = createKey("Partner " + UUID.randomUUID());
        HttpResponse<String> response = post(key, """
                {"forms": ["made_up"], "items": [{"url": "ftp://x.example/"}, {"url": "https://ok.example/"}],
                 "minor": "perhaps", "contact": {"consent": false, "email": "a@b.example"}}
                """, null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("forms", "items[0].url", "minor", "contact.consent");
        problem.get("errors").forEach(e -> assertThat(e.get("message").asString()).isNotBlank());

        HttpResponse<String> notJson = post(key, "{not json", null);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void unknownMissingAndRevokedKeysAreRefused() throws Exception {
        assertThat(post(null, report("x"), null).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = post("rk_" + "0".repeat(40), report("x"), null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json.readTree(unknown.body()).get("status").asInt()).isEqualTo(401);

        String organisation = "Revoked " + UUID.randomUUID();
        String key = createKey(organisation);
        assertThat(post(key, report("before-" + UUID.randomUUID()), null).statusCode()).isEqualTo(201);
        UUID id = jdbc.sql("select id from api_key where organisation = ?").param(organisation).query(UUID.class).single();
        AuditActor.runAs("test", () -> keys.revoke(id, "test"));
        assertThat(post(key, report("after-" + UUID.randomUUID()), null).statusCode()).isEqualTo(401);

        // Revoked on another node (straight in the database): refused once this node has re-checked the key.
        // The request that finds the key due is answered on the last check and starts the recheck.
        String otherOrganisation = "Revoked elsewhere " + UUID.randomUUID();
        String elsewhere = createKey(otherOrganisation);
        assertThat(post(elsewhere, report("before-" + UUID.randomUUID()), null).statusCode()).isEqualTo(201);
        jdbc.sql("update api_key set revoked_at = now(), revoked_by = 'other node' where organisation = ?")
                .param(otherOrganisation).update();
        clock.advance(ApiKeys.RECHECK_AFTER.plusSeconds(1));
        assertThat(post(elsewhere, report("due-" + UUID.randomUUID()), null).statusCode()).isEqualTo(201);
        await("refused once the recheck has seen the revocation", () -> {
            try {
                return post(elsewhere, report("after-" + UUID.randomUUID()), null).statusCode() == 401;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        String readOnly = createKey("Reader " + UUID.randomUUID(), "reports:read");
        assertThat(post(readOnly, report("ro-" + UUID.randomUUID()), null).statusCode()).isEqualTo(403);
    }

    @Test
    void aRetriedRequestCreatesExactlyOneCase() throws Exception {
        String key = createKey("Retry " + UUID.randomUUID());
        String reference = "idem-" + UUID.randomUUID();
        String idempotencyKey = UUID.randomUUID().toString();

        HttpResponse<String> first = post(key, report(reference), idempotencyKey);
        HttpResponse<String> retry = post(key, report(reference), idempotencyKey);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json.readTree(retry.body()).get("caseNumber").asString())
                .isEqualTo(json.readTree(first.body()).get("caseNumber").asString());

        String concurrentReference = "race-" + UUID.randomUUID();
        String raceKey = UUID.randomUUID().toString();
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> post(key, report(concurrentReference), raceKey));
        }
        Set<String> numbers = new java.util.HashSet<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<HttpResponse<String>> result : pool.invokeAll(calls)) {
                assertThat(result.get().statusCode()).isEqualTo(201);
                numbers.add(json.readTree(result.get().body()).get("caseNumber").asString());
            }
        }
        assertThat(numbers).hasSize(1);
        for (String ref : List.of(reference, concurrentReference)) {
            assertThat(jdbc.sql("select count(*) from intake_case where external_reference = ?").param(ref)
                    .query(Integer.class).single()).isEqualTo(1);
        }

        HttpResponse<String> reused = post(key, report("different-" + UUID.randomUUID()), idempotencyKey);
        assertThat(reused.statusCode()).isEqualTo(422);
    }

    @Test
    void theOpenApiDocumentCarriesAnExampleThatTheApiAccepts() throws Exception {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode operation = json.readTree(docs.body()).get("paths").get("/api/v1/reports").get("post");
        JsonNode example = operation.get("requestBody").get("content").get("application/json").get("examples")
                .get("complete").get("value");
        assertThat(example.get("items").isArray()).isTrue();

        String key = createKey("Docs " + UUID.randomUUID());
        HttpResponse<String> accepted = post(key, json.writeValueAsString(example), null);
        assertThat(accepted.statusCode()).isEqualTo(201);
    }
}
