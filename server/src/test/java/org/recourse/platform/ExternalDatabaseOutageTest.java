package org.recourse.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.recourse.platform.internal.database.EmbeddedPostgres;
import org.recourse.support.RunningServer;

/**
 * An external database (RECOURSE_DB_URL) goes away and comes back: Recourse does not run it, so it
 * cannot restart it, but while it is gone requests are answered 503 with Retry-After within about
 * two seconds and health says DOWN, and once it is back everything works again without a restart
 * of Recourse. A separate PostgreSQL, started and killed by the test, plays the external server.
 */
class ExternalDatabaseOutageTest {

    @Test
    void whileTheExternalDatabaseIsGoneRequestsFailFastAndWhenItReturnsTheyWorkAgain() throws Exception {
        EmbeddedPostgres external = EmbeddedPostgres.startOrAttach(Path.of("target/outage-external-db"), 0, true);
        try (RunningServer server = new RunningServer("--recourse.db.url=" + external.jdbcUrl(),
                "--recourse.db.user=" + external.superuser(), "--recourse.db.password=" + external.superuserPassword(),
                "--recourse.data-dir=target/outage-external-app")) {
            String key = server.createApiKey("External outage partner " + UUID.randomUUID());
            HttpResponse<String> confirmed = server.submitReport(key, "before-" + UUID.randomUUID());
            assertThat(confirmed.statusCode()).isEqualTo(201);

            kill(Path.of("target/outage-external-db/postgres/postmaster.pid"));

            long start = System.nanoTime();
            HttpResponse<String> refused = server.submitReport(key, "during-" + UUID.randomUUID());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("\"status\":503").doesNotContain("Exception");

            start = System.nanoTime();
            HttpResponse<String> health = server.health();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
            assertThat(health.statusCode()).isEqualTo(503);

            assertThat(external.restartIfDown()).as("the operator starts the database again").isTrue();
            await("requests work again without restarting Recourse").dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250)).until(() -> server.health().statusCode() == 200);
            HttpResponse<String> afterwards = server.submitReport(key, "after-" + UUID.randomUUID());
            assertThat(afterwards.statusCode()).isEqualTo(201);
            String before = confirmed.body().replaceAll("(?s).*\"caseNumber\":\"([^\"]+)\".*", "$1");
            assertThat(server.apiGet(key, "/api/v1/reports/" + before).statusCode()).isEqualTo(200);
        } finally {
            external.stopIfUnused();
        }
    }

    private static void kill(Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(10, TimeUnit.SECONDS);
    }
}
