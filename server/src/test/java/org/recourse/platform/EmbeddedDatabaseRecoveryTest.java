package org.recourse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.recourse.support.RunningServer;

/**
 * The embedded PostgreSQL dies ({@code kill -9} of its postmaster, as the out-of-memory killer
 * does) under a running server. While it is down, requests are answered 503 with Retry-After
 * within about two seconds and health says DOWN; the server starts it again by itself, reports
 * confirmed before the crash are still there, and new ones are stored. Stopping a server whose
 * database is gone takes seconds.
 *
 * <p>To keep the outage long enough to observe, the test takes the database's port the moment the
 * postmaster is dead, so the first restarts fail (as they would if anything else had grabbed it)
 * and are retried; the database comes back once the port is free again.
 */
class EmbeddedDatabaseRecoveryTest {

    private static final Path DATA = Path.of("target/recovery-test");

    @Test
    void aKilledDatabaseIsRestartedWithoutHelpAndNothingConfirmedIsLost() throws Exception {
        try (RunningServer server = new RunningServer("--recourse.data-dir=" + DATA, "--recourse.db.embedded-fresh=true")) {
            String key = server.createApiKey("Outage partner " + UUID.randomUUID());
            String before = "before-" + UUID.randomUUID();
            String during = "during-" + UUID.randomUUID();
            HttpResponse<String> confirmed = server.submitReport(key, before);
            assertThat(confirmed.statusCode()).isEqualTo(201);
            String beforeCase = caseNumber(confirmed);
            assertThat(server.get("/melden", "nl").statusCode()).as("the form, served before the crash").isEqualTo(200);

            try (ServerSocket port = killPostgresAndTakeItsPort()) {
                long start = System.nanoTime();
                HttpResponse<String> refused = server.submitReport(key, during);
                Duration answeredIn = since(start);
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(answeredIn).isLessThan(Duration.ofMillis(3000));
                assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
                assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
                assertThat(refused.body()).contains("\"status\":503").contains("may not have been saved").doesNotContain("Exception");

                // The public form itself needs no database to be shown (no session, cached choices):
                // it is answered at once; a page that does need the database (signing in on the
                // status page) gets the 503 page.
                start = System.nanoTime();
                assertThat(server.get("/melden", "nl").statusCode()).isIn(200, 503);
                assertThat(since(start)).isLessThan(Duration.ofMillis(3000));
                start = System.nanoTime();
                HttpResponse<String> form = server.statusSignIn(beforeCase, "AAAA-BBBB-CCCC-DDDD-EEEE");
                assertThat(since(start)).isLessThan(Duration.ofMillis(3000));
                assertThat(form.statusCode()).isEqualTo(503);
                assertThat(form.headers().firstValue("Retry-After")).isPresent();
                assertThat(form.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
                assertThat(form.headers().firstValue("X-Frame-Options")).hasValue("DENY");
                assertThat(Jsoup.parse(form.body()).select("h1").text()).isEqualTo("Even niet beschikbaar");
                assertThat(form.body()).contains("misschien niet opgeslagen").doesNotContain("Exception").doesNotContain("at org.");

                start = System.nanoTime();
                HttpResponse<String> health = server.health();
                assertThat(since(start)).isLessThan(Duration.ofSeconds(3));
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
            }

            await("the database is started again without help").dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> server.health().statusCode() == 200);
            String after = "after-" + UUID.randomUUID();
            HttpResponse<String> afterwards = server.submitReport(key, after);
            assertThat(afterwards.statusCode()).isEqualTo(201);
            assertThat(server.apiGet(key, "/api/v1/reports/" + caseNumber(afterwards)).statusCode()).isEqualTo(200);
            assertThat(server.apiGet(key, "/api/v1/reports/" + beforeCase).statusCode())
                    .as("a report confirmed before the crash is still there").isEqualTo(200);
            assertThat(storedWithReference(server, during)).as("the refused report was not stored").isFalse();

            // Stopping while the database is gone again, with requests waiting for it.
            try (ServerSocket port = killPostgresAndTakeItsPort()) {
                List<CompletableFuture<HttpResponse<String>>> waiting = List.of(
                        CompletableFuture.supplyAsync(() -> server.submitReport(key, "stop-" + UUID.randomUUID())),
                        CompletableFuture.supplyAsync(() -> server.get("/melden", "en")));
                Duration stopping = server.stop();
                assertThat(stopping).isLessThan(Duration.ofSeconds(10));
                for (CompletableFuture<HttpResponse<String>> request : waiting) {
                    request.handle((response, failure) -> null).get(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static boolean storedWithReference(RunningServer server, String reference) {
        return server.context().getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from intake_case where external_reference = ?").param(reference)
                .query(Integer.class).optional().map(n -> n > 0).orElse(false);
    }

    /**
     * Kills the postmaster with SIGKILL and binds its port before the supervisor can start it
     * again; if it was quicker, kills the new one too.
     */
    private static ServerSocket killPostgresAndTakeItsPort() throws Exception {
        Path pidFile = DATA.resolve("postgres/postmaster.pid");
        for (int attempt = 0; attempt < 20; attempt++) {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            int pgPort = Integer.parseInt(lines.get(3).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(10, TimeUnit.SECONDS);
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            try {
                socket.bind(new InetSocketAddress("127.0.0.1", pgPort));
                return socket;
            } catch (BindException restartedAlready) {
                socket.close();
            }
        }
        throw new IOException("could not keep the embedded PostgreSQL down");
    }

    private static String caseNumber(HttpResponse<String> created) {
        return created.body().replaceAll("(?s).*\"caseNumber\":\"([^\"]+)\".*", "$1");
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
