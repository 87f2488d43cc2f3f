package org.recourse.intake.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditActor;
import org.recourse.support.LockWaits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Under more load than the node can write, a partner is answered 503 with Retry-After once its
 * request has waited {@code max-wait} since it arrived — whether it waited for a place or for a
 * writer — and nothing of a refused request is stored. Here one writer and two places, and the
 * writer is held by a transaction of the test's own that claims the same idempotency key first.
 */
@RecourseTest
@TestPropertySource(properties = {
        "recourse.intake.api.writers=1",
        "recourse.intake.api.max-concurrent-requests=2",
        "recourse.intake.api.max-wait=1s"})
class ApiAdmissionTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRequestThatWaitedItsLimitIsRefusedWithRetryAfterAndNotStored() throws Exception {
        ApiKeys.CreatedKey created = AuditActor.supplyAs("test", () ->
                keys.create("Admission " + UUID.randomUUID(), Set.of(ApiKeys.SCOPE_SUBMIT), "test"));
        String key = created.plainKey();
        HttpResponse<String> first = post(key, "first-" + UUID.randomUUID(), null).get(10, TimeUnit.SECONDS);
        assertThat(first.statusCode()).isEqualTo(201);
        UUID someCase = jdbc.sql("select id from intake_case order by received_at desc limit 1").query(UUID.class).single();
        UUID keyId = created.id();

        String held = "held-" + UUID.randomUUID();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement claim = blocker.prepareStatement("""
                    insert into api_idempotency (api_key_id, idempotency_key, request_hash, case_id, created_at)
                    values (?, ?, 'held by the test', ?, now())""")) {
                claim.setObject(1, keyId);
                claim.setString(2, held);
                claim.setObject(3, someCase);
                claim.executeUpdate();
            }
            // The writer takes this one and waits on the test's uncommitted claim of the same key.
            CompletableFuture<HttpResponse<String>> taken = post(key, "taken-" + UUID.randomUUID(), held);
            await().atMost(Duration.ofSeconds(10)).until(() -> LockWaits.waitingOn(jdbc, "api_idempotency") > 0);

            String queuedReference = "queued-" + UUID.randomUUID();
            String waitingReference = "waiting-" + UUID.randomUUID();
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> queued = post(key, queuedReference, null);
            CompletableFuture<HttpResponse<String>> waiting = post(key, waitingReference, null);
            for (CompletableFuture<HttpResponse<String>> refused : java.util.List.of(queued, waiting)) {
                HttpResponse<String> answer = refused.get(10, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
                assertThat(answer.body()).contains("\"status\":503").contains("Idempotency-Key");
            }
            Duration bothAnswered = Duration.ofNanos(System.nanoTime() - start);
            assertThat(bothAnswered).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofMillis(2500));
            assertThat(taken.isDone()).as("the report a writer holds waits for its commit").isFalse();

            blocker.rollback();
            assertThat(taken.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            for (String reference : java.util.List.of(queuedReference, waitingReference)) {
                assertThat(jdbc.sql("select count(*) from intake_case where external_reference = ?").param(reference)
                        .query(Integer.class).single()).as("a refused report is not stored").isZero();
            }
        }
    }

    private CompletableFuture<HttpResponse<String>> post(String key, String reference, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"reporterType": "professional", "forms": ["non_consensual_sharing"],
                         "items": [{"url": "https://admission.example/%s"}], "reference": "%s"}
                        """.formatted(reference, reference)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
