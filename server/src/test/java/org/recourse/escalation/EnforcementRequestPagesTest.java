package org.recourse.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;

/**
 * The enforcement request as analysts work it in the browser: drafted from the candidates page,
 * previewed, approved by a colleague (never by the person who drafted it), sent once by e-mail
 * through the outbox however often the button is pressed, and moved on by what the authority
 * says; the case page, the reporter's status page and "needs attention" follow. An authority
 * without an e-mail address is offered its web form instead; bad input gets its reason.
 */
class EnforcementRequestPagesTest extends EscalationIntegrationTest {

    StaffHttp analyst(TestStaff.Account account) {
        StaffHttp http = new StaffHttp(port);
        http.get("/report");
        http.signIn(account);
        return http;
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void draftedPreviewedApprovedByASecondPersonSentOnceByEmailAndFollowedToAnOutcome() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            Disputed disputed = disputedRefusal(site);
            String authorityEmail = "requests-" + java.util.UUID.randomUUID() + "@regulator.test";
            String authority = recipient("Test Regulator", false, authorityEmail, null, null, "nl");
            jdbc.sql("update directory_organisation set kind = 'regulator' where key = ?").param(authority).update();
            TestStaff staff = new TestStaff(jdbc);
            TestStaff.Account anna = staff.create(StaffRole.ANALYST);
            TestStaff.Account bram = staff.create(StaffRole.ANALYST);
            StaffHttp first = analyst(anna);
            StaffHttp second = analyst(bram);

            Document candidates = first.get("/staff/escalation").document();
            assertThat(candidates.getElementById("draft-" + disputed.platform())).as("a draft form for the platform").isNotNull();
            StaffHttp.Page drafted = first.postForm("/staff/escalation/requests", Map.of("platform", disputed.platform(),
                    "authority", authority, "item", disputed.item().id().toString(), "language", "nl"));
            assertThat(drafted.location()).matches(".*/staff/escalation/requests/ER-[2-9A-Z]{8}$");
            String path = drafted.location().substring(drafted.location().indexOf("/staff/"));
            String reference = path.substring(path.lastIndexOf('/') + 1);

            Document page = first.get(path).document();
            assertThat(page.getElementById("request-state").text()).isEqualTo("draft");
            assertThat(page.getElementById("letter-subject").text()).contains(reference);
            String preview = page.getElementById("letter-body").text();
            assertThat(preview).contains("Aan: Test Regulator", disputed.item().url(), disputed.reported().caseNumber(), "art. 16 DSA",
                    "Weigering die wij betwisten");
            assertThat(page.getElementById("approve")).as("the drafter cannot approve").isNull();
            assertThat(page.getElementById("own-draft")).isNotNull();
            assertThat(second.get("/staff").document().select("#attention-list tr:contains(" + reference + ")").text())
                    .contains("waits for a colleague to approve it");

            assertThat(first.postForm(path + "/approve", Map.of()).location()).endsWith(path);
            assertThat(first.get(path).document().getElementById("request-error").text())
                    .isEqualTo("You drafted this request yourself; a colleague must approve it.");
            second.postForm(path + "/approve", Map.of());
            page = second.get(path).document();
            assertThat(page.getElementById("request-state").text()).isEqualTo("approved");
            assertThat(page.getElementById("send")).isNotNull();

            second.postForm(path + "/send", Map.of());
            second.postForm(path + "/send", Map.of());
            assertThat(second.get(path).document().getElementById("request-notice").text()).contains("nothing goes out twice");
            outbox.deliverDue();
            await("the authority receives the request", Duration.ofSeconds(30), () -> !mailTo(authorityEmail).isEmpty());
            outbox.deliverDue();
            List<MimeMessage> mails = mailTo(authorityEmail);
            assertThat(mails).as("sent exactly once").hasSize(1);
            MimeMessage mail = mails.getFirst();
            assertThat(mail.getSubject()).contains(reference);
            assertThat(mail.getHeader("X-Recourse-Reference")).containsExactly(reference);
            assertThat(mail.getMessageID()).contains(reference.toLowerCase(java.util.Locale.ROOT));
            String body = ((String) mail.getContent()).replace("\r\n", "\n");
            assertThat(body).contains(disputed.item().url(), "art. 16 DSA").doesNotContain("@example");

            await("the request is filed", Duration.ofSeconds(10),
                    () -> "filed".equals(second.get(path).document().getElementById("request-state").text()));
            page = second.get(path).document();
            assertThat(page.getElementById("letter-heading").text()).isEqualTo("The request as it was sent");
            assertThat(page.getElementById("sending").text()).contains("accepted");
            assertThat(statusPage(disputed.reported()).text()).contains("We have taken the case to a regulator or the police");

            second.postForm(path + "/outcome", Map.of("state", "draft", "authorityReference", "", "note", ""));
            assertThat(second.get(path).document().getElementById("request-error").text()).startsWith("Choose what the authority said");
            second.postForm(path + "/outcome", Map.of("state", "decided", "authorityReference", "x".repeat(201), "note", ""));
            assertThat(second.get(path).document().getElementById("request-error").text()).isEqualTo("The text is too long.");
            second.postForm(path + "/outcome", Map.of("state", "decided", "authorityReference", "REG-2026-7",
                    "note", "<script>alert(1)</script> order issued"));
            page = second.get(path).document();
            assertThat(page.getElementById("request-state").text()).isEqualTo("decided");
            assertThat(page.getElementById("request-authority-reference").text()).isEqualTo("REG-2026-7");
            assertThat(page.select("#request-entries .note").text()).contains("<script>alert(1)</script> order issued");
            assertThat(page.select("#request-entries script")).isEmpty();
            Document casePage = second.get("/staff/cases/" + disputed.reported().caseNumber()).document();
            assertThat(casePage.select("#escalation-requests tr:contains(" + reference + ") .state").text()).isEqualTo("decided");

            assertThat(second.get("/staff/escalation/requests/ER-NOTHING1").status()).isEqualTo(404);
            assertThat(second.get("/staff/escalation/requests").document().select("#requests tr:contains(" + reference + ") .state").text())
                    .isEqualTo("decided");
        }
    }

    @Test
    void anAuthorityWithoutAnEmailAddressIsOfferedItsWebFormAndNothingIsSent() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            Disputed disputed = disputedRefusal(site);
            String authority = recipient("Formless Regulator", false, null, null, "https://regulator.test/form", "nl");
            TestStaff staff = new TestStaff(jdbc);
            StaffHttp first = analyst(staff.create(StaffRole.ANALYST));
            StaffHttp second = analyst(staff.create(StaffRole.COORDINATOR));

            StaffHttp.Page none = first.postForm("/staff/escalation/requests", Map.of("platform", disputed.platform(),
                    "authority", authority, "language", "en"));
            assertThat(none.location()).contains("/staff/escalation#draft-");
            assertThat(first.get("/staff/escalation").document().getElementById("draft-" + disputed.platform() + "-error").text())
                    .isEqualTo("Choose at least one item for the request.");

            String path = first.postForm("/staff/escalation/requests", Map.of("platform", disputed.platform(), "authority", authority,
                    "item", disputed.item().id().toString(), "language", "en")).location();
            path = path.substring(path.indexOf("/staff/"));
            assertThat(first.get(path).document().getElementById("letter-body").text()).contains("To: Formless Regulator",
                    "Dear Sir or Madam");
            second.postForm(path + "/approve", Map.of());
            Document page = second.get(path).document();
            assertThat(page.getElementById("send")).isNull();
            assertThat(page.getElementById("no-email").text()).contains("web form");
            assertThat(page.text()).contains("https://regulator.test/form");

            second.postForm(path + "/send", Map.of());
            assertThat(second.get(path).document().getElementById("request-error").text())
                    .startsWith("The directory has no e-mail address for this authority");
            second.postForm(path + "/web-form", Map.of("authorityReference", " "));
            assertThat(second.get(path).document().getElementById("request-error").text()).contains("reference");
            second.postForm(path + "/web-form", Map.of("authorityReference", "FORM-123"));
            page = second.get(path).document();
            assertThat(page.getElementById("request-state").text()).isEqualTo("filed");
            assertThat(page.getElementById("request-authority-reference").text()).isEqualTo("FORM-123");
            assertThat(outbox.find(org.recourse.escalation.internal.requests.FilingRequests.TOPIC,
                    jdbc.sql("select id from escalation_request where reference = ?").param(path.substring(path.lastIndexOf('/') + 1))
                            .query(java.util.UUID.class).single())).as("nothing queued for sending").isEmpty();
        }
    }
}
