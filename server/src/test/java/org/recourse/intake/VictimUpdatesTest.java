package org.recourse.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recourse.support.StaffHttp;
import org.recourse.takedown.TakedownIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reporter who left an e-mail address and agreed to be contacted gets one short e-mail per burst
 * of news — no case number, no details — with a link that stops them (opening it changes nothing;
 * the button does). She can stop and restart them on her status page. Nobody else gets one.
 */
class VictimUpdatesTest extends TakedownIntegrationTest {

    private static final Pattern STOP_LINK = Pattern.compile("https?://[^\\s]+/status/updates/stop\\?t=([A-Za-z0-9_-]+)");

    @Autowired
    Cases intake;
    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Reported reportWithContact(String email, boolean consent) {
        StaffHttp http = new StaffHttp(port);
        http.get("/report");
        Forms form = Forms.with("reporterType", "self").and("forms", "deepfake")
                .and("urls", "https://updates.example/" + UUID.randomUUID());
        if (consent) {
            // The form asks for agreement with an address; without agreement it keeps no address.
            form = form.and("contactEmail", email).and("contactConsent", "true");
        }
        StaffHttp.Page page = form.post(http, "/report");
        assertThat(page.status()).isEqualTo(200);
        String number = page.document().getElementById("case-number").text();
        return new Reported(cases.findByNumber(number).orElseThrow().id(), number, page.document().getElementById("secret").text());
    }

    private void progress(UUID caseId, CaseStatus status) {
        tx.executeWithoutResult(s -> intake.progress(caseId, status));
    }

    private StaffHttp signedIn(Reported reported) {
        StaffHttp reporter = new StaffHttp(port);
        reporter.get("/report");
        reporter.get("/status");
        assertThat(reporter.postForm("/status", Map.of("caseNumber", reported.caseNumber(), "secret", reported.secret()))
                .redirectsTo("/status/case")).isTrue();
        return reporter;
    }

    @Test
    void oneShortEmailPerBurstOfNewsWithAStopLinkThatOnlyTheButtonUses() throws Exception {
        String address = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.test";
        Reported reported = reportWithContact(address, true);

        progress(reported.caseId(), CaseStatus.BEING_ASSESSED);
        progress(reported.caseId(), CaseStatus.DECISION_TAKEN);
        // Within the grouping delay nothing goes out; after it, one e-mail for both changes.
        assertThat(mailTo(address)).isEmpty();
        clock.advance(Duration.ofMinutes(16));
        await("the update is mailed", Duration.ofSeconds(30), () -> mailTo(address).size() == 1);
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mailTo(address).size() == 1);

        MimeMessage message = mailTo(address).getFirst();
        String body = (String) message.getContent();
        assertThat(message.getSubject()).isEqualTo("Er is nieuws over je melding / There is news on your report");
        assertThat(body).contains("/status", "statuspagina", "status page")
                .doesNotContain(reported.caseNumber(), reported.secret(), "deepfake", "updates.example");
        assertThat(message.getHeader("List-Unsubscribe")[0]).contains("/status/updates/stop?t=");
        Matcher link = STOP_LINK.matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        // Opening the link (as a mail program's scanner does) stops nothing.
        StaffHttp visitor = new StaffHttp(port);
        StaffHttp.Page confirm = visitor.get("/status/updates/stop?t=" + token);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.document().getElementById("stop-button")).isNotNull();
        assertThat(signedIn(reported).get("/status/case").document().getElementById("email-updates-button").text()).isEqualTo("No more e-mails");

        StaffHttp.Page stopped = visitor.postForm("/status/updates/stop", Map.of("t", token));
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.document().getElementById("stopped-text").text()).contains("We sturen je geen e-mails meer");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'case.updates-stopped' and object_id = ?")
                .param(reported.caseId().toString()).query(Long.class).single()).isEqualTo(1L);

        progress(reported.caseId(), CaseStatus.NOTICES_SENT);
        clock.advance(Duration.ofMinutes(16));
        assertThat(jdbc.sql("select count(*) from intake_victim_update where case_id = ? and status = 'queued'")
                .param(reported.caseId()).query(Long.class).single()).as("nothing is queued once she stopped them").isZero();

        // On her status page she turns them on again; the next news is mailed.
        StaffHttp reporter = signedIn(reported);
        org.jsoup.nodes.Document page = reporter.get("/status/case").document();
        assertThat(page.getElementById("email-updates").text()).contains("You get no e-mails");
        reporter.postForm("/status/case/updates", Map.of("choice", "resume"));
        assertThat(reporter.get("/status/case").document().getElementById("email-updates").text()).contains("You get a short e-mail");
        progress(reported.caseId(), CaseStatus.REMOVED);
        clock.advance(Duration.ofMinutes(16));
        await("the next update is mailed", Duration.ofSeconds(30), () -> mailTo(address).size() == 2);
    }

    @Test
    void nobodyWithoutAnAddressAndAgreementGetsOneAndAWrongLinkSaysSo() {
        String address = "no-consent-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.test";
        Reported reported = reportWithContact(address, false);
        progress(reported.caseId(), CaseStatus.BEING_ASSESSED);
        assertThat(jdbc.sql("select count(*) from intake_victim_update where case_id = ?").param(reported.caseId())
                .query(Long.class).single()).isZero();
        assertThat(signedIn(reported).get("/status/case").document().getElementById("email-updates"))
                .as("nothing to switch without agreement to be contacted").isNull();
        StaffHttp reporter = signedIn(reported);
        reporter.postForm("/status/case/updates", Map.of("choice", "resume"));
        assertThat(jdbc.sql("select updates_stopped_at is null from intake_case where id = ?").param(reported.caseId())
                .query(Boolean.class).single()).isTrue();

        StaffHttp visitor = new StaffHttp(port);
        visitor.get("/status/updates/stop?t=x");
        for (String token : List.of("", "not-a-token", "x".repeat(10_000), "<script>alert(1)</script>", "=HYPERLINK(\"x\")")) {
            StaffHttp.Page page = visitor.postForm("/status/updates/stop", Map.of("t", token));
            assertThat(page.status()).as(token).isEqualTo(404);
            assertThat(page.document().getElementById("stop-error").text()).contains("Deze link werkt niet");
            assertThat(page.body()).doesNotContain("<script>alert(1)</script>").doesNotContainIgnoringCase("exception");
        }
        assertThat(visitor.get("/status/updates/stop?t=" + "y".repeat(5000)).status()).isEqualTo(200);
    }
}
