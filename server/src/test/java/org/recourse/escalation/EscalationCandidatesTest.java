package org.recourse.escalation;

import static org.recourse.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.audit.AuditActor;
import org.recourse.escalation.internal.candidates.DisputingRefusals;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.intake.ReportedItem;
import org.recourse.platform.CliCommand;
import org.recourse.accounts.StaffRole;
import org.recourse.support.EventLog;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.recourse.takedown.NoticeOverdue;
import org.recourse.takedown.TakedownIntegrationTest;
import org.recourse.takedown.internal.notices.PublishingOverdue;
import org.recourse.takedown.internal.responses.RecordingResponses;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Escalation learns from takedown's events which items a platform leaves online past the SLA:
 * an item becomes a candidate after two notices or a week overdue, with the reason and the
 * authorities routing proposes; an item taken down leaves the list; a refusal counts once an
 * analyst disputes it; a platform that leaves most notices unacknowledged is a pattern.
 */
class EscalationCandidatesTest extends EscalationIntegrationTest {

    @Autowired
    PublishingOverdue overdue;
    @Autowired
    List<CliCommand> commands;

    @Autowired
    EventLog events;

    long overdueEventsFor(UUID noticeId) {
        return events.published(NoticeOverdue.class, e -> e.noticeId().equals(noticeId)).size();
    }

    String cli(String name, String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        CliCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        int code = command.run(List.of(args), new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommandListsTheReasonCodesAndRefusesUnknownArguments() {
        assertThat(cli("escalation candidates", "--help")).contains("notices-ignored", "long-overdue", "pattern-ignored",
                "refusal-disputed");
        CliCommand command = commands.stream().filter(c -> c.name().equals("escalation candidates")).findFirst().orElseThrow();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertThat(command.run(List.of("--platform", "x"), new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--platform");
    }

    @Test
    void anItemLeftOnlineAfterTwoNoticesBecomesACandidateOnceWithTheAuthoritiesRoutingProposesAndLeavesWhenTakenDown()
            throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            String path = "/" + UUID.randomUUID() + "/photo.png";
            site.page(path, "image/png", "online".getBytes(StandardCharsets.UTF_8));
            String platform = dutchPlatform("Ignoring Platform");
            UUID caseId = report(site.url(path).toString());
            ReportedItem item = cases.items(caseId).getFirst();
            decide(caseId, item, platform, false, longAgo());
            await("the first notice is sent", Duration.ofSeconds(30), () -> noticesSent(item) == 1);
            UUID firstNotice = jdbc.sql("select id from takedown_notice where recipient_key = ?").param(platform).query(UUID.class).single();
            assertThat(candidatesOf(platform)).as("within the SLA nothing is a candidate").isEmpty();

            clock.advance(Duration.ofHours(25));
            planAndSendDue();
            // This thread or a background worker (whichever claimed it first) sends the re-notice.
            await("the re-notice went out", Duration.ofSeconds(30), () -> noticesSent(item) == 2);
            assertThat(candidatesOf(platform)).as("two notices, but the first is not yet past its SLA").isEmpty();

            clock.advance(Duration.ofHours(48));
            await("the overdue notice reaches escalation", Duration.ofSeconds(20), () -> !candidatesOf(platform).isEmpty());
            assertThat(overdue.publishDue()).as("nothing left to announce").isZero();
            assertThat(overdueEventsFor(firstNotice)).as("announced once across the workers and this thread").isEqualTo(1);

            Candidate candidate = candidatesOf(platform).getFirst();
            assertThat(candidatesOf(platform)).hasSize(1);
            assertThat(candidate.url()).isEqualTo(item.url());
            assertThat(candidate.caseNumber()).isEqualTo(cases.find(caseId).orElseThrow().caseNumber());
            assertThat(candidate.reasons()).containsExactly(CandidateReason.NOTICES_IGNORED);
            assertThat(candidate.noticesSent()).isGreaterThanOrEqualTo(2);
            assertThat(candidate.proposed()).extracting(ProposedAuthority::authorityKey).contains("acm");
            assertThat(candidate.proposed()).filteredOn(p -> "acm".equals(p.authorityKey())).first()
                    .satisfies(acm -> assertThat(acm.kind()).isEqualTo("regulator"))
                    .satisfies(acm -> assertThat(acm.reason().en()).contains("established in the Netherlands"));
            assertThat(candidate.proposed()).extracting(ProposedAuthority::kind).doesNotContain("notice");

            String caseNumber = candidate.caseNumber();
            String row = cli("escalation candidates").lines().filter(line -> line.contains(platform)).findFirst().orElseThrow();
            assertThat(row.split("\t", -1)).startsWith(caseNumber, item.url(), platform, "notices-ignored");
            assertThat(cli("escalation candidates").lines().filter(line -> line.contains(platform)).map(line -> line.split("\t")[4]))
                    .contains("acm");
            assertThat(cli("escalation candidates").lines().findFirst().orElseThrow())
                    .isEqualTo("case\titem\tplatform\treason\tauthority\toverdue_since");

            clock.advance(Duration.ofDays(7));
            assertThat(candidatesOf(platform).getFirst().reasons())
                    .containsExactly(CandidateReason.NOTICES_IGNORED, CandidateReason.LONG_OVERDUE);

            site.respond(path, new TestWebsite.Page(404, "text/plain", new byte[0], Map.of()));
            await("the item is taken down and leaves the candidates", Duration.ofSeconds(40),
                    () -> candidatesOf(platform).isEmpty());
        }
    }

    @Test
    void aRefusalCountsOnlyOnceAnAnalystDisputesItWithReasons() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            String path = "/" + UUID.randomUUID() + "/video";
            site.page(path, "text/html", "<p>online</p>".getBytes(StandardCharsets.UTF_8));
            String platform = dutchPlatform("Refusing Platform");
            UUID caseId = report(site.url(path).toString());
            ReportedItem item = cases.items(caseId).getFirst();
            decide(caseId, item, platform, false, longAgo());
            await("the notice is sent", Duration.ofSeconds(30), () -> noticesSent(item) == 1);
            UUID notice = jdbc.sql("select id from takedown_notice where recipient_key = ?").param(platform).query(UUID.class).single();

            AuditActor.runAs("analyst-a", () -> responses.record(notice, new RecordingResponses.Response("decision", "refused",
                    "Not against our terms.", "analyst", null, clock.instant(), "analyst-a")));
            await("the refusal reaches escalation", Duration.ofSeconds(20),
                    () -> refusals.open().stream().anyMatch(r -> platform.equals(r.recipientKey())));
            assertThat(candidatesOf(platform)).as("a refusal alone is not a candidate").isEmpty();

            DisputingRefusals.Refusal refusal = refusals.open().stream().filter(r -> platform.equals(r.recipientKey())).findFirst()
                    .orElseThrow();
            StaffHttp analyst = new StaffHttp(port);
            analyst.get("/report");
            TestStaff.Account account = new TestStaff(jdbc).create(StaffRole.ANALYST);
            analyst.signIn(account);
            String analystName = account.username();
            assertThat(analyst.get("/staff").body()).contains("href=\"/staff/escalation\"");
            org.jsoup.nodes.Document page = analyst.get("/staff/escalation").document();
            org.jsoup.nodes.Element shown = page.getElementById("refusal-" + refusal.id());
            assertThat(shown.text()).contains(item.url()).contains("The platform wrote: Not against our terms.");
            assertThat(page.select("#candidates tr.candidate:contains(" + item.url() + ")")).isEmpty();

            String action = "/staff/escalation/refusals/" + refusal.id() + "/dispute";
            StaffHttp.Page blank = analyst.postForm(action, Map.of("reason", "  "));
            assertThat(blank.location()).contains("/staff/escalation");
            assertThat(analyst.get("/staff/escalation").document().getElementById("reason-" + refusal.id() + "-error").text())
                    .isEqualTo("Write down why you dispute the refusal.");
            assertThat(candidatesOf(platform)).as("nothing disputed yet").isEmpty();

            assertThat(analyst.postForm(action, Map.of("reason", "Shared without consent: art. 139h Sr.")).location())
                    .contains("/staff/escalation");
            assertThat(AuditActor.supplyAs("analyst-b", () -> refusals.dispute(refusal.id(), "again"))).as("disputed once").isFalse();
            page = analyst.get("/staff/escalation").document();
            assertThat(page.getElementById("refusal-" + refusal.id()).select(".disputed").text())
                    .isEqualTo("Disputed: Shared without consent: art. 139h Sr.");
            assertThat(page.select("#candidates tr.candidate:contains(" + item.url() + ") .reasons").text())
                    .isEqualTo("A refusal we dispute");
            assertThat(page.select("#candidates tr.candidate:contains(" + item.url() + ") .authorities").text()).contains("ACM");

            Candidate candidate = candidatesOf(platform).getFirst();
            assertThat(candidate.reasons()).containsExactly(CandidateReason.REFUSAL_DISPUTED);
            assertThat(candidate.url()).isEqualTo(item.url());
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'escalation.refusal-disputed' and actor like ? and object_id = ?")
                    .params("%" + analystName + "%", refusal.id().toString()).query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aPlatformThatLeavesMostNoticesUnacknowledgedIsAPatternUntilItAnswers() {
        String platform = dutchPlatform("Silent Platform");
        Instant now = clock.instant();
        List<UUID> notices = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            notices.add(id);
            jdbc.sql("""
                            insert into takedown_notice (id, reference, recipient_key, recipient_name, channel, address, language, kind,
                                trusted_flagger, subject, body, message_id, status, created_at, sent_at, sla_due_at)
                            values (?, ?, ?, 'Silent Platform', 'email', 'x@platform.test', 'en', 'first', false, 's', 'b', ?, 'sent', ?, ?, ?)""")
                    .params(id, "TD-P" + id.toString().substring(0, 8).toUpperCase(), platform, "<" + id + "@test>",
                            Timestamp.from(now.minus(Duration.ofDays(10 + i))), Timestamp.from(now.minus(Duration.ofDays(10 + i))),
                            Timestamp.from(now.minus(Duration.ofDays(7 + i))))
                    .update();
        }
        List<Candidate> pattern = candidatesOf(platform);
        assertThat(pattern).singleElement().satisfies(c -> {
            assertThat(c.reasons()).containsExactly(CandidateReason.PATTERN_IGNORED);
            assertThat(c.caseId()).isNull();
            assertThat(c.platformName()).isEqualTo("Silent Platform " + platform);
        });

        for (UUID notice : notices.subList(0, 3)) {
            AuditActor.runAs("analyst-a", () -> responses.record(notice, new RecordingResponses.Response("acknowledgement", null,
                    null, "analyst", null, clock.instant(), "analyst-a")));
        }
        assertThat(candidatesOf(platform)).as("two of five ignored is below the threshold of one half").isEmpty();
    }
}
