package org.recourse.escalation;

import static org.recourse.support.Eventually.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.recourse.escalation.internal.candidates.DisputingRefusals;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.intake.ReportedItem;
import org.recourse.takedown.TakedownIntegrationTest;
import org.recourse.takedown.internal.responses.RecordingResponses;
import org.springframework.beans.factory.annotation.Autowired;

/** What escalation's integration tests stand on: a platform that refused a notice, a refusal an analyst disputes. */
abstract class EscalationIntegrationTest extends TakedownIntegrationTest {

    @Autowired
    protected RecordingResponses responses;
    @Autowired
    protected DisputingRefusals refusals;
    @Autowired
    protected EscalationCandidates escalation;

    protected record Disputed(String platform, ReportedItem item, Reported reported) {
    }

    /** A Dutch platform refused to remove an item that is still online, and an analyst disputed it. */
    protected Disputed disputedRefusal(TestWebsite site) {
        String path = "/" + UUID.randomUUID() + "/photo";
        site.page(path, "text/html", "<p>online</p>".getBytes(StandardCharsets.UTF_8));
        String platform = recipient("Refusing Platform", false, "abuse-" + UUID.randomUUID() + "@platform.test", null, null, "en");
        jdbc.sql("update directory_organisation set kind = 'platform', country = 'NL' where key = ?").param(platform).update();
        Reported reported = reportWithCredentials(site.url(path).toString());
        UUID caseId = reported.caseId();
        ReportedItem item = cases.items(caseId).getFirst();
        decide(caseId, item, platform, false, longAgo());
        await("the notice is sent", Duration.ofSeconds(30), () -> jdbc.sql(
                "select count(*) from takedown_notice where recipient_key = ? and status = 'sent'").param(platform).query(Long.class).single() == 1);
        UUID notice = jdbc.sql("select id from takedown_notice where recipient_key = ?").param(platform).query(UUID.class).single();
        AuditActor.runAs("analyst-a", () -> responses.record(notice, new RecordingResponses.Response("decision", "refused",
                "Not against our terms.", "analyst", null, clock.instant(), "analyst-a")));
        await("the refusal reaches escalation", Duration.ofSeconds(20),
                () -> refusals.open().stream().anyMatch(r -> platform.equals(r.recipientKey())));
        UUID refusal = refusals.open().stream().filter(r -> platform.equals(r.recipientKey())).findFirst().orElseThrow().id();
        AuditActor.runAs("analyst-a", () -> refusals.dispute(refusal, "Shared without consent."));
        return new Disputed(platform, item, reported);
    }


    /** A platform established in the Netherlands that takes notices by e-mail. */
    protected String dutchPlatform(String name) {
        String key = recipient(name, false, "abuse-" + UUID.randomUUID() + "@platform.test", null, null, "en");
        jdbc.sql("update directory_organisation set kind = 'platform', country = 'NL' where key = ?").param(key).update();
        return key;
    }

    protected List<Candidate> candidatesOf(String platformKey) {
        return escalation.candidates().stream().filter(c -> platformKey.equals(c.platformKey())).toList();
    }

    protected long noticesSent(ReportedItem item) {
        return jdbc.sql("""
                        select count(*) from takedown_notice n join takedown_notice_item ni on ni.notice_id = n.id
                        join takedown_item i on i.id = ni.item_id where i.reported_item_id = ? and n.status = 'sent'""")
                .param(item.id()).query(Long.class).single();
    }

    /**
     * The story's start: a Dutch platform gets a notice and a re-notice about an item that stays
     * online, ignores both, and once the first is past its SLA the item is an escalation candidate.
     */
    protected Disputed ignoredTwice(TestWebsite site) {
        return ignoredTwice(site, "online".getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #ignoredTwice(TestWebsite)} for an item whose address serves these bytes as a PNG. */
    protected Disputed ignoredTwice(TestWebsite site, byte[] png) {
        String path = "/" + UUID.randomUUID() + "/photo.png";
        site.page(path, "image/png", png);
        String platform = dutchPlatform("Ignoring Platform");
        Reported reported = reportWithCredentials(site.url(path).toString());
        ReportedItem item = cases.items(reported.caseId()).getFirst();
        decide(reported.caseId(), item, platform, false, longAgo());
        await("the first notice is sent", Duration.ofSeconds(30), () -> noticesSent(item) == 1);
        clock.advance(Duration.ofHours(25));
        planAndSendDue();
        await("the re-notice is sent", Duration.ofSeconds(30), () -> noticesSent(item) == 2);
        clock.advance(Duration.ofHours(48));
        await("the ignored item is a candidate", Duration.ofSeconds(20), () -> !candidatesOf(platform).isEmpty());
        return new Disputed(platform, item, reported);
    }

    protected org.recourse.support.StaffHttp analyst(org.recourse.support.TestStaff.Account account) {
        org.recourse.support.StaffHttp http = new org.recourse.support.StaffHttp(port);
        http.get("/report");
        http.signIn(account);
        return http;
    }

    @org.springframework.beans.factory.annotation.Autowired
    protected List<org.recourse.platform.CliCommand> commands;

    protected org.recourse.platform.CliCommand command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    protected String verify(java.nio.file.Path zip) {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        command("verify-package").run(List.of(zip.toString()), new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8),
                System.err);
        return printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    protected static java.util.Map<String, String> unzip(byte[] zip) throws java.io.IOException {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return files;
    }

}
