package org.recourse.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditActor;
import org.recourse.intake.Cases;
import org.recourse.intake.Forms;
import org.recourse.platform.CliCommand;
import org.recourse.support.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Banking a victim's hashes and taking them out again: what is refused and why, and how a
 * withdrawal reaches the look-ups and the partners' feed.
 */
@RecourseTest
class HashBanksTest {

    @LocalServerPort
    int port;

    @Autowired
    HashBanks banks;

    @Autowired
    Cases cases;

    @Autowired
    List<CliCommand> commands;

    @Autowired
    JdbcClient jdbc;

    record Reported(UUID caseId, String caseNumber, String secret) {
    }

    private Reported report(boolean minor) {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        StaffHttp.Page page = Forms.with("reporterType", "self").and("forms", "non_consensual_sharing")
                .and("notOnline", "true").and("minor", minor ? "yes" : "no").post(http, "/melden");
        Document doc = page.document();
        String number = doc.getElementById("case-number").text();
        return new Reported(cases.findByNumber(number).orElseThrow().id(), number,
                doc.getElementById("secret") == null ? null : doc.getElementById("secret").text());
    }

    private HashBanks.BankingResult bank(UUID caseId, HashBanks.NewSignal... signals) {
        return AuditActor.supplyAs("test", () -> banks.bank(new HashBanks.NewEntries(HashBanks.DEFAULT_BANK,
                EntrySource.VICTIM, null, caseId, null, List.of(signals))));
    }

    @Test
    void eachSignalIsBankedOrRefusedWithItsReason() {
        Reported reported = report(false);
        String pdq = MatchApiTest.randomPdq();
        HashBanks.BankingResult result = bank(reported.caseId(),
                new HashBanks.NewSignal(SignalType.PDQ, pdq, 87),
                new HashBanks.NewSignal(SignalType.PDQ, MatchApiTest.randomPdq(), 0),
                new HashBanks.NewSignal(SignalType.PDQ, "0".repeat(64), null),
                new HashBanks.NewSignal(SignalType.PDQ, pdq.substring(4), 90),
                new HashBanks.NewSignal(SignalType.SHA256, "zz" + pdq.substring(2), null),
                new HashBanks.NewSignal(SignalType.PDQ, pdq.toUpperCase(), 87));

        assertThat(result.refused()).extracting(HashBanks.Refusal::position, HashBanks.Refusal::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, HashBanks.RefusalReason.QUALITY_ZERO),
                org.assertj.core.groups.Tuple.tuple(2, HashBanks.RefusalReason.QUALITY_ZERO),
                org.assertj.core.groups.Tuple.tuple(3, HashBanks.RefusalReason.WRONG_LENGTH),
                org.assertj.core.groups.Tuple.tuple(4, HashBanks.RefusalReason.MALFORMED_HEX));
        assertThat(result.entryIds().get(0)).isNotNull();
        assertThat(result.entryIds().get(5)).as("the same hash again is the same entry").isEqualTo(result.entryIds().get(0));
        Map<String, Object> row = jdbc.sql("select * from match_entry where id = ?").param(result.entryIds().get(0)).query().singleRow();
        assertThat(row).containsEntry("source", "VICTIM").containsEntry("status", "ACTIVE").containsEntry("case_id", reported.caseId())
                .containsEntry("quality", 87).containsEntry("signal", pdq);
    }

    @Test
    void nothingOfACaseOnTheChildAbuseRouteIsBanked() {
        Reported minor = report(true);
        HashBanks.BankingResult result = bank(minor.caseId(), new HashBanks.NewSignal(SignalType.PDQ, MatchApiTest.randomPdq(), 90),
                new HashBanks.NewSignal(SignalType.MD5, "ab".repeat(16), null));
        assertThat(result.entryIds()).containsOnlyNulls();
        assertThat(result.refused()).extracting(HashBanks.Refusal::reason)
                .containsOnly(HashBanks.RefusalReason.CHILD_ABUSE_ROUTE);
        assertThat(jdbc.sql("select count(*) from match_entry where case_id = ?").param(minor.caseId()).query(Long.class).single())
                .isZero();
    }

    @Test
    void aWithdrawalTakesTheVictimsEntriesOutOfTheLookUpsAndTheFeedShowsTheRemoval() {
        Reported reported = report(false);
        String pdq = MatchApiTest.randomPdq();
        MatchApi platform = new MatchApi(port, MatchApi.createKey(commands, "Feed " + UUID.randomUUID(), "match:lookup,match:feed"));
        long before = platform.get("/m/feed?limit=1000").body().get("checkpoint").asLong();
        long checkpoint = drain(platform, before);

        long entry = bank(reported.caseId(), new HashBanks.NewSignal(SignalType.PDQ, pdq, 95)).entryIds().getFirst();
        JsonNode added = platform.get("/m/feed?checkpoint=" + checkpoint).body();
        assertThat(added.get("changes")).singleElement().satisfies(change -> {
            assertThat(change.get("op").asString()).isEqualTo("add");
            assertThat(change.get("bank_content_id").asLong()).isEqualTo(entry);
            assertThat(change.get("signal").asString()).isEqualTo(pdq);
            assertThat(change.get("signal_type").asString()).isEqualTo("pdq");
            assertThat(change.get("bank").asString()).isEqualTo("NCII");
        });
        assertThat(added.toString()).doesNotContain(reported.caseNumber()).doesNotContain(reported.caseId().toString());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(platform.get("/m/raw_lookup?signal_type=pdq&signal=" + pdq).body().get("matches")).hasSize(1));

        withdraw(reported);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(platform.get("/m/raw_lookup?signal_type=pdq&signal=" + pdq).body().get("matches")).isEmpty());
        JsonNode after = platform.get("/m/feed?checkpoint=" + checkpoint).body();
        assertThat(after.get("changes")).as("the addition is no longer handed out; the removal is").singleElement()
                .satisfies(change -> {
                    assertThat(change.get("op").asString()).isEqualTo("remove");
                    assertThat(change.get("bank_content_id").asLong()).isEqualTo(entry);
                    assertThat(change.has("signal")).isFalse();
                });
        Map<String, Object> row = jdbc.sql("select * from match_entry where id = ?").param(entry).query().singleRow();
        assertThat(row).containsEntry("status", "WITHDRAWN").containsEntry("removal_reason", "WITHDRAWAL");
        assertThat(row.get("signal")).as("the hash is erased").isNull();
        assertThat(row.get("case_id")).as("and nothing links it to the case").isNull();
    }

    @Test
    void twoCasesKeepTheirOwnEntryForTheSameImageAndOneWithdrawalLeavesTheOther() {
        Reported first = report(false);
        Reported second = report(false);
        String pdq = MatchApiTest.randomPdq();
        long one = bank(first.caseId(), new HashBanks.NewSignal(SignalType.PDQ, pdq, 90)).entryIds().getFirst();
        HashBanks.BankingResult again = bank(second.caseId(), new HashBanks.NewSignal(SignalType.PDQ, pdq, 90));
        assertThat(again.refused()).isEmpty();
        long two = again.entryIds().getFirst();
        assertThat(two).as("the second victim gets an entry of her own").isNotEqualTo(one);
        assertThat(bank(second.caseId(), new HashBanks.NewSignal(SignalType.PDQ, pdq, 90)).entryIds().getFirst())
                .as("banking it again for the same case adds nothing").isEqualTo(two);

        MatchApi platform = new MatchApi(port, MatchApi.createKey(commands, "Both " + UUID.randomUUID(), "match:lookup"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(platform.get("/m/raw_lookup?signal_type=pdq&signal=" + pdq).body().get("matches")).hasSize(2));
        withdraw(first);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(platform.get("/m/raw_lookup?signal_type=pdq&signal=" + pdq).body().get("matches").toString())
                        .isEqualTo("[" + two + "]"));
    }

    /** Reads the feed to its end; returns the last checkpoint. */
    private static long drain(MatchApi platform, long from) {
        long checkpoint = from;
        JsonNode page;
        do {
            page = platform.get("/m/feed?checkpoint=" + checkpoint).body();
            checkpoint = page.get("checkpoint").asLong();
        } while (page.get("more").asBoolean());
        return checkpoint;
    }

    /** The reporter signs in on the status page and withdraws her case. */
    private void withdraw(Reported reported) {
        StaffHttp reporter = new StaffHttp(port);
        reporter.get("/status");
        StaffHttp.Page signedIn = reporter.postForm("/status", Map.of("caseNumber", reported.caseNumber(),
                "secret", reported.secret()));
        assertThat(signedIn.redirectsTo("/status/case")).isTrue();
        reporter.get("/status/case/withdraw");
        StaffHttp.Page withdrawn = reporter.postForm("/status/case/withdraw", Map.of());
        assertThat(withdrawn.document().select("h1").text()).isEqualTo("Je melding is ingetrokken");
    }
}
