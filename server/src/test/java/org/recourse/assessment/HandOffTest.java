package org.recourse.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.intake.Forms;
import org.recourse.support.AttentionEntries;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.recourse.takedown.TakedownIntegrationTest;

/**
 * An analyst refers a victim to a help organisation from the case page: only with her recorded
 * consent, with a summary mailed through the outbox that holds only what she agreed to share (no
 * images, no addresses), or a phone hand-off. The referral is followed up (needs attention after
 * the follow-up time), its answer recorded and counted in the statistics; the victim sees it on her
 * status page and withdraws her consent there, which stops what had not gone out and names what had.
 */
class HandOffTest extends TakedownIntegrationTest {

    @AfterEach
    void resetClockAndMail() {
        clock.reset();
        SMTP.accept();
        SMTP.release();
    }

    private String helpOrganisation(String name, String email, String phone) {
        String key = "help-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into directory_organisation (id, key, name, kind, trusted_flagger, notice_email, phone, languages, domains,
                            version, updated_at, updated_by)
                        values (?, ?, ?, 'help', false, ?, ?, '{nl,en}'::text[], '{}'::text[], 1, now(), 'test')""")
                .params(UUID.randomUUID(), key, name + " " + key, email, phone).update();
        return key;
    }

    private Reported reportWithContact(String email) {
        StaffHttp http = new StaffHttp(port);
        http.get("/report");
        StaffHttp.Page page = Forms.with("reporterType", "self").and("forms", "deepfake")
                .and("urls", "https://handoff-site.example/" + UUID.randomUUID()).and("contactEmail", email).and("contactConsent", "true")
                .post(http, "/report");
        assertThat(page.status()).isEqualTo(200);
        String number = page.document().getElementById("case-number").text();
        return new Reported(cases.findByNumber(number).orElseThrow().id(), number, page.document().getElementById("secret").text());
    }

    private StaffHttp.Page refer(StaffHttp analyst, String caseNumber, Map<String, String> fields, String... shares) {
        analyst.get("/staff/cases/" + caseNumber);
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        for (String share : shares) {
            form.append("&shares=").append(share);
        }
        form.append("&_csrf=").append(analyst.csrfToken());
        return analyst.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(analyst.baseUrl() + "/staff/cases/" + caseNumber + "/referrals"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private StaffHttp signedInReporter(Reported reported) {
        StaffHttp reporter = new StaffHttp(port);
        reporter.get("/status?lang=en");
        assertThat(reporter.postForm("/status", Map.of("caseNumber", reported.caseNumber(), "secret", reported.secret()))
                .redirectsTo("/status/case")).isTrue();
        return reporter;
    }

    private String handOffStatus(String organisation) {
        return jdbc.sql("select handoff_status from assessment_referral where organisation = ?").param(organisation)
                .query(String.class).single();
    }

    /** Waits until the outbox tried the referral to {@code organisation} once, failed, and holds it for a retry. */
    private void awaitFirstAttemptFailed(String what, String organisation) {
        await(what, Duration.ofSeconds(30), () -> jdbc.sql(
                "select count(*) from platform_outbox where topic = 'assessment.referral' and attempts > 0 and status = 'QUEUED' "
                        + "and subject_id = (select id from assessment_referral where organisation = ?)").param(organisation)
                .query(Long.class).single() == 1L);
    }

    /**
     * Lets time pass until the outbox has retried the referral to {@code organisation} (a withdrawn
     * one is recorded as done without a mail): a minute per look, so that a first attempt the busy
     * outbox made only after an earlier advance (and so retries a minute after that) is retried too.
     */
    private void awaitRetryDone(String organisation) {
        await("the retry is done", Duration.ofSeconds(30), () -> {
            clock.advance(Duration.ofMinutes(1));
            return jdbc.sql("select count(*) from platform_outbox where topic = 'assessment.referral' and status = 'SENT' "
                    + "and subject_id = (select id from assessment_referral where organisation = ?)").param(organisation).query(Long.class).single() == 1L;
        });
    }

    @Test
    void aReferralWithConsentSharesOnlyWhatSheAgreedToIsFollowedUpAndCounted() throws Exception {
        String victim = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.test";
        String csgMail = "intake-" + UUID.randomUUID().toString().substring(0, 8) + "@csg.test";
        String csg = helpOrganisation("Centrum Seksueel Geweld Test", csgMail, "0800-0188");
        String noChannel = helpOrganisation("Zonder kanaal", null, null);
        String phoneOnly = helpOrganisation("Alleen telefoon", null, "0900-0101");
        Reported reported = reportWithContact(victim);
        StaffHttp analyst = new StaffHttp(port);
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        analyst.get("/staff?lang=en");

        // Refused, each with its reason: no consent, no channel, e-mail to an organisation the directory knows no address of.
        refer(analyst, reported.caseNumber(), Map.of("organisation", csg, "channel", "email", "consentHow", ""), "contact");
        Document page = analyst.get("/staff/cases/" + reported.caseNumber()).document();
        assertThat(page.getElementById("handoff-error").text()).contains("without consent there is no referral");
        refer(analyst, reported.caseNumber(), Map.of("organisation", noChannel, "channel", "email", "consentHow", "phone"), "forms");
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("handoff-error").text())
                .contains("neither an e-mail address nor a phone number");
        refer(analyst, reported.caseNumber(), Map.of("organisation", phoneOnly, "channel", "email", "consentHow", "phone"), "forms");
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("handoff-error").text())
                .contains("no e-mail address for this organisation");
        refer(analyst, reported.caseNumber(), Map.of("organisation", "=cmd|' /C calc'!A0", "channel", "email", "consentHow", "phone"), "forms");
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("handoff-error").text())
                .contains("Choose an organisation from the directory");
        assertThat(jdbc.sql("select count(*) from assessment_referral where case_id = ?").param(reported.caseId()).query(Long.class).single())
                .isZero();

        // With consent to her contact details and the form of violence: mailed once, with only those.
        StaffHttp.Page made = refer(analyst, reported.caseNumber(), Map.of("organisation", csg, "channel", "email", "consentHow", "phone"),
                "contact", "forms");
        assertThat(made.status()).isEqualTo(302);
        await("the referral is mailed", Duration.ofSeconds(30), () -> mailTo(csgMail).size() == 1);
        MimeMessage mail = mailTo(csgMail).getFirst();
        String body = (String) mail.getContent();
        assertThat(mail.getSubject()).contains(reported.caseNumber());
        assertThat(body).contains(victim, "Vorm van geweld: Nepbeelden", reported.caseNumber(), "geen beelden")
                .doesNotContain("handoff-site.example", "https://", reported.secret());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'case.contact-shared' and object_id = ?")
                .param(reported.caseId().toString()).query(Long.class).single()).isEqualTo(1L);
        await("the referral counts as delivered", Duration.ofSeconds(10), () -> "delivered".equals(jdbc.sql(
                "select handoff_status from assessment_referral where case_id = ? and organisation = ?")
                .params(reported.caseId(), csg).query(String.class).single()));

        page = analyst.get("/staff/cases/" + reported.caseNumber()).document();
        assertThat(page.getElementById("handoffs").text()).contains("Centrum Seksueel Geweld Test", "her contact details",
                "the form of violence", "delivered, waiting for an answer").doesNotContain("the platforms it is on");
        assertThat(page.getElementById("timeline").text()).contains("Referral delivered to");

        // No answer within the follow-up time: it waits on "needs attention"; the analyst records the answer.
        clock.advance(Duration.ofDays(8));
        org.jsoup.nodes.Element entry = AttentionEntries.forCase(analyst, "assessment", reported.caseNumber());
        assertThat(entry).isNotNull();
        assertThat(entry.text()).contains("not answered yet");
        UUID handOff = jdbc.sql("select id from assessment_referral where case_id = ? and organisation = ?")
                .params(reported.caseId(), csg).query(UUID.class).single();
        analyst.get("/staff/cases/" + reported.caseNumber());
        analyst.postForm("/staff/referrals/" + handOff + "/outcome", Map.of("outcome", "no-such-answer"));
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("handoff-error").text()).contains("Choose an answer");
        analyst.postForm("/staff/referrals/" + handOff + "/outcome", Map.of("outcome", "accepted"));
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("handoffs").text()).contains("accepted");
        assertThat(AttentionEntries.forCase(analyst, "assessment", reported.caseNumber())).isNull();
        analyst.postForm("/staff/referrals/" + handOff + "/outcome", Map.of("outcome", "declined"));
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("handoff-error").text())
                .as("an answer is recorded once").contains("not (or no longer) waiting");
        await("the statistics count the answer", Duration.ofSeconds(20), () -> "accepted".equals(jdbc.sql(
                "select outcome from stat_referral where case_id = ? and organisation = ?").params(reported.caseId(), csg)
                .query(String.class).optional().orElse(null)));

        // A phone hand-off is recorded as delivered at once, and nothing is mailed.
        refer(analyst, reported.caseNumber(), Map.of("organisation", phoneOnly, "channel", "phone", "consentHow", "chat"), "progress");
        assertThat(jdbc.sql("select handoff_status from assessment_referral where case_id = ? and organisation = ?")
                .params(reported.caseId(), phoneOnly).query(String.class).single()).isEqualTo("delivered");
    }

    @Test
    void herWithdrawalOnTheStatusPageStopsWhatHasNotGoneOutAndNamesWhatHad() throws Exception {
        String victim = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.test";
        String firstMail = "first-" + UUID.randomUUID().toString().substring(0, 8) + "@help.test";
        String secondMail = "second-" + UUID.randomUUID().toString().substring(0, 8) + "@help.test";
        String first = helpOrganisation("Eerste hulp", firstMail, null);
        String second = helpOrganisation("Tweede hulp", secondMail, null);
        Reported reported = reportWithContact(victim);
        StaffHttp analyst = new StaffHttp(port);
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        analyst.get("/staff?lang=en");

        refer(analyst, reported.caseNumber(), Map.of("organisation", first, "channel", "email", "consentHow", "phone"), "forms");
        await("the first referral is mailed", Duration.ofSeconds(30), () -> mailTo(firstMail).size() == 1);
        await("and recorded as delivered", Duration.ofSeconds(10), () -> "delivered".equals(handOffStatus(first)));
        // The mail server refuses for a while: the second waits in the outbox.
        SMTP.refuse("451 4.3.0 Try again later");
        refer(analyst, reported.caseNumber(), Map.of("organisation", second, "channel", "email", "consentHow", "phone"), "forms");
        awaitFirstAttemptFailed("the second has been tried", second);

        // The first organisation's contact reads the referral on the liaison portal and answers it; another organisation's cannot see it.
        StaffHttp liaison = new StaffHttp(port);
        liaison.signIn(new TestStaff(jdbc).create(first, StaffRole.LIAISON));
        liaison.get("/liaison/referrals?lang=en");
        UUID firstReferral = jdbc.sql("select id from assessment_referral where organisation = ?").param(first).query(UUID.class).single();
        assertThat(liaison.get("/liaison/referrals").document().getElementById("liaison-referrals").text()).contains("delivered");
        Document opened = liaison.get("/liaison/referrals/" + firstReferral).document();
        assertThat(opened.getElementById("referral-summary").text()).contains(reported.caseNumber(), "Nepbeelden").doesNotContain(victim);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'referral.viewed' and object_id = ?")
                .param(reported.caseId().toString()).query(Long.class).single()).isEqualTo(1L);
        liaison.postForm("/liaison/referrals/" + firstReferral + "/answer", Map.of("outcome", "contact_made"));
        assertThat(liaison.get("/liaison/referrals/" + firstReferral).document().getElementById("referral-state").text()).contains("contact made");
        StaffHttp other = new StaffHttp(port);
        other.signIn(new TestStaff(jdbc).create(second, StaffRole.LIAISON));
        assertThat(other.get("/liaison/referrals/" + firstReferral).status()).isEqualTo(404);

        StaffHttp reporter = signedInReporter(reported);
        Document status = reporter.get("/status/case").document();
        assertThat(status.getElementById("referral-lines").text()).contains("Eerste hulp", "Tweede hulp");
        assertThat(status.getElementById("status-updates").text()).contains("Eerste hulp");
        reporter.postForm("/status/case/referrals/withdraw-consent", Map.of());
        status = reporter.get("/status/case").document();
        String lines = status.getElementById("referral-lines").text();
        assertThat(lines).contains("Eerste hulp").contains("Tweede hulp");
        assertThat(status.getElementById("referral-withdraw-button")).as("nothing left to withdraw").isNull();
        assertThat(handOffStatus(second))
                .isEqualTo("withdrawn");
        assertThat(handOffStatus(first))
                .as("what was answered stays answered, marked as withdrawn after").isEqualTo("contact_made");
        Document afterWithdrawal = liaison.get("/liaison/referrals/" + firstReferral).document();
        assertThat(afterWithdrawal.getElementById("referral-summary")).as("no summary once she withdrew her consent").isNull();
        assertThat(afterWithdrawal.getElementById("consent-withdrawn").text()).contains("Delete what you received");
        assertThat(jdbc.sql("select count(*) from assessment_referral where case_id = ? and consent_revoked_via = 'status-page'")
                .param(reported.caseId()).query(Long.class).single()).isEqualTo(2L);

        // The mail server is back and the retry comes: the withdrawn referral is not sent.
        SMTP.accept();
        awaitRetryDone(second);
        assertThat(mailTo(secondMail)).isEmpty();
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("timeline").text())
                .contains("Consent withdrawn for the referral to");
    }

    @Test
    void aWithdrawnReportTakesItsWaitingReferralsAlong() {
        String victim = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.test";
        String helpMail = "waiting-" + UUID.randomUUID().toString().substring(0, 8) + "@help.test";
        String help = helpOrganisation("Wachtende hulp", helpMail, null);
        Reported reported = reportWithContact(victim);
        StaffHttp analyst = new StaffHttp(port);
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        SMTP.refuse("451 4.3.0 Try again later");
        refer(analyst, reported.caseNumber(), Map.of("organisation", help, "channel", "email", "consentHow", "chat"), "contact");
        // Withdrawn once the first attempt has failed: waiting, not on its way (that case is the next test's).
        awaitFirstAttemptFailed("the referral has been tried", help);
        StaffHttp reporter = signedInReporter(reported);
        reporter.get("/status/case/withdraw");
        reporter.postForm("/status/case/withdraw", Map.of());
        await("the waiting referral is withdrawn", Duration.ofSeconds(20), () -> "withdrawn".equals(handOffStatus(help)));
        assertThat(jdbc.sql("select consent_revoked_via from assessment_referral where organisation = ?").param(help).query(String.class).single())
                .isEqualTo("case-withdrawn");
        SMTP.accept();
        awaitRetryDone(help);
        assertThat(mailTo(helpMail)).as("nothing went out").isEmpty();
    }

    @Test
    void aWithdrawalWhileTheMailIsOnItsWayNamesItAndAFailedAttemptIsNotRetried() {
        String victim = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.test";
        String helpMail = "on-its-way-" + UUID.randomUUID().toString().substring(0, 8) + "@help.test";
        String help = helpOrganisation("Onderweg hulp", helpMail, null);
        Reported reported = reportWithContact(victim);
        StaffHttp analyst = new StaffHttp(port);
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        analyst.get("/staff?lang=en");
        // The mail server keeps the connection waiting: the referral is on its way, and the case page says so.
        SMTP.hold();
        refer(analyst, reported.caseNumber(), Map.of("organisation", help, "channel", "email", "consentHow", "phone"), "forms");
        await("the referral is on its way", Duration.ofSeconds(30), () -> SMTP.held() > 0 && "sending".equals(handOffStatus(help)));
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("handoffs").text())
                .contains("Onderweg hulp", "being sent now");

        // She calls to withdraw: the analyst is told it may already have arrived, by the organisation's name.
        analyst.postForm("/staff/cases/" + reported.caseNumber() + "/referrals/withdraw-consent", Map.of());
        Document page = analyst.get("/staff/cases/" + reported.caseNumber()).document();
        assertThat(page.getElementById("withdrawn-delivered").text()).contains("on its way", "Onderweg hulp " + help);
        assertThat(page.getElementById("withdrawn-stopped")).isNull();

        // This attempt fails after all: it is not retried, and the referral counts as never sent.
        SMTP.refuse("451 4.3.0 Try again later");
        SMTP.release();
        await("the failed attempt stops the referral", Duration.ofSeconds(30), () -> "withdrawn".equals(handOffStatus(help)));
        SMTP.accept();
        awaitRetryDone(help);
        assertThat(mailTo(helpMail)).as("nothing went out").isEmpty();
        assertThat(analyst.get("/staff/cases/" + reported.caseNumber()).document().getElementById("handoffs").text())
                .contains("not sent: consent withdrawn");
    }
}
