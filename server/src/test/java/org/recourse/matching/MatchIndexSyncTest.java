package org.recourse.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseApplication;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.audit.AuditActor;
import org.recourse.platform.CliCommand;
import org.recourse.support.MutableClock;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestClockConfiguration;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one database, each with its own index: what one banks or removes is found (or no
 * longer found) on the other within 5 s, without a rebuild; a node started later builds its index
 * from the database; a node whose index falls behind says so in /m/index/status and, to
 * administrators, in health, while anonymous health and readiness stay up.
 */
@RecourseTest
class MatchIndexSyncTest {

    /** The second node reads the change log only at start, so its index goes stale when its clock moves on. */
    private static ConfigurableApplicationContext second;
    private static String banked;
    private static long bankedEntry;

    @LocalServerPort
    int port;

    @Autowired
    List<CliCommand> commands;

    @Autowired
    HashBanks banks;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void bankOneThenStartASecondNode(@Autowired HashBanks banks) {
        banked = MatchApiTest.randomPdq();
        bankedEntry = bank(banks, banked);
        second = new SpringApplicationBuilder(RecourseApplication.class, TestClockConfiguration.class).run(
                "--server.port=0", "--recourse.data-dir=target/test-data", "--recourse.db.embedded-fresh=true",
                "--recourse.audit.seal-interval=1s", "--db-scheduler.enabled=false",
                "--recourse.matching.index.poll-interval=1h");
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    private static long bank(HashBanks banks, String pdq) {
        return AuditActor.supplyAs("test", () -> banks.bank(new HashBanks.NewEntries(HashBanks.DEFAULT_BANK, EntrySource.IMPORT,
                "sync-" + UUID.randomUUID(), null, null, List.of(new HashBanks.NewSignal(SignalType.PDQ, pdq, 80)))))
                .entryIds().getFirst();
    }

    private static int secondPort() {
        return Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private MatchApi on(int port) {
        return new MatchApi(port, MatchApi.createKey(commands, "Sync " + UUID.randomUUID(), "match:lookup"));
    }

    @Test
    void whatOneNodeBanksOrRemovesTheOtherFindsWithinFiveSeconds() {
        MatchApi first = on(port);
        String pdq = MatchApiTest.randomPdq();
        long entry = bank(second.getBean(HashBanks.class), pdq);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(first.get("/m/raw_lookup?signal_type=pdq&signal=" + MatchApiTest.flip(pdq, 2)).body().get("matches")
                        .toString()).isEqualTo("[" + entry + "]"));

        assertThat(AuditActor.supplyAs("test", () -> second.getBean(HashBanks.class).disable(entry))).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(first.get("/m/raw_lookup?signal_type=pdq&signal=" + pdq).body().get("matches")).isEmpty());
    }

    @Test
    void aNodeStartedLaterBuildsItsIndexFromTheDatabase() throws Exception {
        MatchApi later = on(secondPort());
        await().atMost(Duration.ofSeconds(20)).until(() -> later.get("/m/index/status").body().get("pdq").get("present").asBoolean());
        assertThat(later.get("/m/raw_lookup?signal_type=pdq&signal=" + banked).body().get("matches").toString())
                .isEqualTo("[" + bankedEntry + "]");
        assertThat(get(secondPort(), "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void anIndexThatFellBehindSaysSoToPlatformsAndAdministrators() throws Exception {
        MatchApi later = on(secondPort());
        await().atMost(Duration.ofSeconds(20)).until(() -> later.get("/m/index/status").body().get("pdq").get("present").asBoolean());
        // (The first node, which reads the change log every second, is never stale: MatchApiTest.)
        MutableClock clock = second.getBean(MutableClock.class);
        try {
            clock.advance(Duration.ofSeconds(6));

            JsonNode status = later.get("/m/index/status").body().get("pdq");
            assertThat(status.get("stale").asBoolean()).isTrue();
            assertThat(status.get("present").asBoolean()).isTrue();

            TestStaff.Account admin = new TestStaff(jdbc).create(StaffRole.ADMIN);
            StaffHttp staff = new StaffHttp(secondPort());
            staff.signIn(admin);
            StaffHttp.Page health = staff.send(HttpRequest.newBuilder(URI.create(staff.baseUrl() + "/actuator/health"))
                    .header("Accept", "application/json").GET());
            assertThat(health.status()).isEqualTo(200);
            JsonNode matchIndex = tools.jackson.databind.json.JsonMapper.builder().build().readTree(health.body())
                    .get("components").get("matchIndex");
            assertThat(matchIndex.get("status").asString()).isEqualTo("DEGRADED");
            assertThat(matchIndex.get("details").get("stale").asBoolean()).isTrue();

            HttpResponse<String> anonymous = get(secondPort(), "/actuator/health");
            assertThat(anonymous.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
            assertThat(get(secondPort(), "/actuator/health/readiness").statusCode()).isEqualTo(200);
        } finally {
            clock.reset();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
