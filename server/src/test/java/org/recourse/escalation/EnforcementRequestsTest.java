package org.recourse.escalation;

import static org.recourse.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.audit.AuditActor;
import org.recourse.escalation.internal.candidates.DisputingRefusals;
import org.recourse.escalation.internal.requests.DraftingRequests;
import org.recourse.escalation.internal.requests.FollowingUpRequests;
import org.recourse.escalation.internal.requests.RequestEntries;
import org.recourse.escalation.internal.requests.RequestRefused;
import org.recourse.escalation.internal.requests.TrackingRequests;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.intake.ReportedItem;
import org.recourse.platform.CliCommand;
import org.recourse.intake.CaseStatus;
import org.recourse.accounts.StaffRole;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.recourse.takedown.TakedownIntegrationTest;
import org.recourse.takedown.internal.responses.RecordingResponses;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An enforcement request is drafted from a platform's candidates, approved by a second person,
 * filed through the authority's web form with its reference, and followed on the clock: a
 * reminder after six weeks of silence, "no response" after six months; what the authority says
 * moves it on. Refused steps leave nothing behind.
 */
class EnforcementRequestsTest extends EscalationIntegrationTest {

    @Autowired
    DraftingRequests drafting;
    @Autowired
    TrackingRequests tracking;
    @Autowired
    FollowingUpRequests followingUp;
    @Autowired
    RequestEntries entries;
    @Autowired
    List<CliCommand> commands;

    /** Where the statistics read model says the disputed notice's escalation stands, once it says anything. */
    String escalationCounted(Disputed disputed) {
        return org.recourse.support.Eventually.awaitValue("escalation recorded for statistics", Duration.ofSeconds(10), () -> jdbc.sql("""
                        select s.escalation_outcome from stat_notice s
                        where s.escalated_at is not null and s.notice_id in
                            (select notice_id from escalation_refusal where reported_item_id = ?)""")
                .param(disputed.item().id()).query(String.class).optional().orElse(null));
    }

    long requestsAbout(String platform) {
        return jdbc.sql("select count(*) from escalation_request where platform_key = ?").param(platform).query(Long.class).single();
    }

    @Test
    void draftedApprovedByASecondPersonFiledByWebFormRemindedAfterSixWeeksAndNoResponseAfterSixMonths() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            Disputed disputed = disputedRefusal(site);
            Set<UUID> items = Set.of(disputed.item().id());

            assertThatThrownBy(() -> AuditActor.runAs("analyst-a", () -> drafting.draft(disputed.platform(), "no-such-authority", items, "nl")))
                    .isInstanceOf(RequestRefused.class).hasMessage("escalation.request.authority-unknown");
            assertThatThrownBy(() -> AuditActor.runAs("analyst-a", () -> drafting.draft(disputed.platform(), "acm",
                    Set.of(UUID.randomUUID()), "nl"))).hasMessage("escalation.request.not-candidates");
            assertThatThrownBy(() -> AuditActor.runAs("analyst-a", () -> drafting.draft("not-in-directory", "acm", items, "nl")))
                    .hasMessage("escalation.request.platform-unknown");
            assertThat(requestsAbout(disputed.platform())).as("refused drafts leave nothing").isZero();

            DraftingRequests.Drafted drafted = AuditActor.supplyAs("analyst-a",
                    () -> drafting.draft(disputed.platform(), "acm", items, "nl"));
            assertThat(drafted.reference()).matches("ER-[2-9A-Z]{8}");
            assertThat(jdbc.sql("select reasons from escalation_request_item where request_id = ?").param(drafted.id())
                    .query((rs, n) -> ((String[]) rs.getArray(1).getArray())[0]).single()).isEqualTo("refusal-disputed");

            assertThatThrownBy(() -> AuditActor.runAs("analyst-a", () -> tracking.approve(drafted.id())))
                    .hasMessage("escalation.request.own-draft");
            assertThatThrownBy(() -> AuditActor.runAs("analyst-b", () -> tracking.filedByWebForm(drafted.id(), "ACM-1")))
                    .as("not yet approved").hasMessage("escalation.request.wrong-state");
            AuditActor.runAs("analyst-b", () -> tracking.approve(drafted.id()));
            assertThat(tracking.find(drafted.id()).orElseThrow().approvedBy()).isEqualTo("analyst-b");
            assertThatThrownBy(() -> AuditActor.runAs("analyst-b", () -> tracking.filedByWebForm(drafted.id(), " ")))
                    .hasMessage("escalation.request.reference-required");
            AuditActor.runAs("analyst-b", () -> tracking.filedByWebForm(drafted.id(), "ACM-2026-0042"));

            clock.advance(Duration.ofDays(41));
            AuditActor.runAs("system:test", followingUp::followUp);
            assertThat(tracking.find(drafted.id()).orElseThrow().remindedAt()).as("not yet six weeks").isNull();
            clock.advance(Duration.ofDays(1));
            AuditActor.runAs("system:test", followingUp::followUp);
            AuditActor.runAs("system:test", followingUp::followUp);
            assertThat(entries.of(drafted.id())).filteredOn(e -> e.kind().equals("reminder")).hasSize(1);

            clock.advance(Duration.ofDays(183 - 42));
            AuditActor.runAs("system:test", followingUp::followUp);
            assertThat(tracking.find(drafted.id()).orElseThrow().state()).isEqualTo(RequestState.NO_RESPONSE);
            assertThat(entries.of(drafted.id())).extracting(RequestEntries.Entry::state).containsExactly(RequestState.DRAFT,
                    RequestState.APPROVED, RequestState.FILED, RequestState.FILED, RequestState.NO_RESPONSE);
            assertThat(entries.of(drafted.id()).get(2).note()).isEqualTo("ACM-2026-0042");
            CliCommand command = commands.stream().filter(c -> c.name().equals("escalation requests")).findFirst().orElseThrow();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            assertThat(command.run(List.of(), new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.getFirst()).isEqualTo("id\tplatform\tauthority\tstate\tfiled_at");
            String row = lines.stream().filter(l -> l.startsWith(drafted.reference())).findFirst().orElseThrow();
            String[] cells = row.split("\t", -1);
            assertThat(cells).hasSize(5).startsWith(drafted.reference(), disputed.platform(), "acm", "no_response");
            assertThat(java.time.Instant.parse(cells[4])).isBefore(clock.instant());
            assertThat(entries.of(drafted.id()).get(1).recordedBy()).isEqualTo("analyst-b");
        }
    }

    @Test
    void whatTheAuthoritySaysMovesTheRequestOnAndStopsTheClock() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            Disputed disputed = disputedRefusal(site);
            DraftingRequests.Drafted drafted = AuditActor.supplyAs("analyst-a",
                    () -> drafting.draft(disputed.platform(), "acm", Set.of(disputed.item().id()), "en"));
            AuditActor.runAs("analyst-b", () -> tracking.approve(drafted.id()));
            assertThat(statusPage(disputed.reported()).getElementById("current-status").text()).doesNotStartWith("Escalated");
            AuditActor.runAs("analyst-b", () -> tracking.filedByWebForm(drafted.id(), "WEB-1"));
            assertThat(cases.find(disputed.reported().caseId()).orElseThrow().status()).isEqualTo(CaseStatus.ESCALATED);
            org.jsoup.nodes.Document status = statusPage(disputed.reported());
            assertThat(status.getElementById("current-status").text()).startsWith("Escalated")
                    .contains("We have taken the case to a regulator or the police.");
            assertThat(status.text()).doesNotContain(drafted.reference()).doesNotContain("WEB-1");
            assertThat(escalationCounted(disputed)).as("the statistics count the refused notice as escalated, filed").isEqualTo("filed");
            assertThatThrownBy(() -> AuditActor.runAs("analyst-a", () -> tracking.fromAuthority(drafted.id(), RequestState.WITHDRAWN,
                    null, null))).hasMessage("escalation.request.state-unknown");

            clock.advance(Duration.ofDays(30));
            AuditActor.runAs("analyst-a", () -> tracking.fromAuthority(drafted.id(), RequestState.ACKNOWLEDGED, "ACM/2026/77", null));
            clock.advance(Duration.ofDays(170));
            AuditActor.runAs("system:test", followingUp::followUp);
            TrackingRequests.Request request = tracking.find(drafted.id()).orElseThrow();
            assertThat(request.state()).as("an answer rules out no-response").isEqualTo(RequestState.ACKNOWLEDGED);
            assertThat(request.authorityReference()).isEqualTo("ACM/2026/77");
            assertThat(request.remindedAt()).as("silent since the acknowledgement").isNotNull();

            AuditActor.runAs("analyst-a", () -> tracking.fromAuthority(drafted.id(), RequestState.DECIDED, null,
                    "Order to remove within 24 hours."));
            assertThat(tracking.find(drafted.id()).orElseThrow().state()).isEqualTo(RequestState.DECIDED);
            assertThatThrownBy(() -> AuditActor.runAs("analyst-a", () -> tracking.withdraw(drafted.id(), "late")))
                    .hasMessage("escalation.request.closed");
            assertThat(entries.of(drafted.id()).getLast().note()).isEqualTo("Order to remove within 24 hours.");
            org.recourse.support.Eventually.await("the statistics follow the request to its outcome",
                    () -> "decided".equals(escalationCounted(disputed)));

            clock.reset(); // sign-in codes follow the real time
            StaffHttp analyst = new StaffHttp(port);
            analyst.get("/report");
            analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
            org.jsoup.nodes.Document page = analyst.get("/staff/cases/" + disputed.reported().caseNumber()).document();
            org.jsoup.nodes.Element row = page.selectFirst("#escalation-requests tr.escalation-request");
            assertThat(row.selectFirst(".reference").text()).isEqualTo(drafted.reference());
            assertThat(row.selectFirst(".state").text()).isEqualTo("decided");
            assertThat(row.text()).contains("ACM/2026/77");
            assertThat(page.getElementById("timeline").text())
                    .contains("Enforcement request filed " + drafted.reference())
                    .contains("Authority acknowledged " + drafted.reference())
                    .contains("Reminder: authority silent " + drafted.reference())
                    .contains("Authority decided " + drafted.reference());
        }
    }
}
