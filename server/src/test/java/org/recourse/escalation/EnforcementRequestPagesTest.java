package org.recourse.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void aPlatformIgnoresTwoNoticesAndTheRequestIsDraftedApprovedSentOnceByEmailAndFollowedToAnOutcome() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            // Signed in before the clock moves on: second factors are checked against the real time.
            TestStaff staff = new TestStaff(jdbc);
            TestStaff.Account anna = staff.create(StaffRole.ANALYST);
            TestStaff.Account bram = staff.create(StaffRole.ANALYST);
            StaffHttp first = analyst(anna);
            StaffHttp second = analyst(bram);
            Disputed disputed = ignoredTwice(site);
            String authorityEmail = "requests-" + java.util.UUID.randomUUID() + "@regulator.test";
            String authority = recipient("Test Regulator", false, authorityEmail, null, null, "nl");
            jdbc.sql("update directory_organisation set kind = 'regulator' where key = ?").param(authority).update();

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
                    "Nog online na herhaalde meldingen");
            assertThat(page.getElementById("approve")).as("the drafter cannot approve").isNull();
            assertThat(page.getElementById("own-draft")).isNotNull();
            assertThat(org.recourse.support.AttentionEntries.containing(second, "escalation", reference))
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
            org.jsoup.nodes.Element updates = statusPage(disputed.reported()).getElementById("status-updates");
            assertThat(updates.text()).as("the reporter learns the outcome in plain words")
                    .contains("We asked a regulator or the police to act", "has made a decision")
                    .doesNotContain(reference, "REG-2026-7", "Test Regulator", "order issued");
            Document casePage = second.get("/staff/cases/" + disputed.reported().caseNumber()).document();
            assertThat(casePage.select("#escalation-requests tr:contains(" + reference + ") .state").text()).isEqualTo("decided");

            // The dossier: downloaded by the analyst, verified against its manifest, refused when altered.
            java.net.http.HttpResponse<byte[]> download = second.download(path + "/dossier");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("dossier-" + reference + ".zip");
            java.nio.file.Path zip = java.nio.file.Files.createTempFile("dossier", ".zip");
            java.nio.file.Files.write(zip, download.body());
            assertThat(verify(zip)).startsWith("OK: all 6 files match the manifest");
            java.util.Map<String, String> files = unzip(download.body());
            assertThat(files.keySet()).containsExactlyInAnyOrder("dossier.pdf", "letter.txt", "request.json", "platform.json",
                    "figures.json", "cases.json", "manifest.json");
            assertThat(files.get("letter.txt")).as("the letter as mailed").startsWith(mail.getSubject() + "\n\n").contains(body.strip());
            assertThat(files.get("cases.json")).contains(disputed.item().url(), disputed.reported().caseNumber());
            assertThat(files.get("request.json")).contains("\"state\" : \"decided\"", "REG-2026-7");
            assertThat(files.get("manifest.json")).contains("recourse-dossier/1", reference);
            assertThat(String.join("\n", files.values())).as("no contact details of the reporter")
                    .doesNotContain("@example.org", disputed.reported().secret());
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'escalation.dossier-written' and detail like ?")
                    .param(reference + "%").query(Long.class).single()).isEqualTo(1);
            byte[] altered = download.body().clone();
            int at = indexOf(altered, "\"reference\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            altered[at + 20] ^= 1;
            java.nio.file.Files.write(zip, altered);
            assertThat(verify(zip)).contains("altered: request.json");

            java.nio.file.Path out = java.nio.file.Files.createTempDirectory("dossier").resolve("out.zip");
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
            assertThat(command("escalation dossier").run(List.of(reference, "--out", out.toString()),
                    new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8),
                    new java.io.PrintStream(errors, true, java.nio.charset.StandardCharsets.UTF_8))).as(errors.toString()).isZero();
            assertThat(printed.toString()).contains("wrote", reference);
            assertThat(verify(out)).startsWith("OK: all 6 files");
            assertThat(command("escalation dossier").run(List.of("ER-NOTHING1", "--out", out.resolveSibling("x.zip").toString()),
                    new java.io.PrintStream(printed, true), new java.io.PrintStream(errors, true, java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(1);
            assertThat(errors.toString()).contains("This request does not exist.");
            assertThat(out.resolveSibling("x.zip")).doesNotExist();
            assertThat(command("escalation dossier").run(List.of(reference), new java.io.PrintStream(printed, true),
                    new java.io.PrintStream(errors, true))).isEqualTo(2);

            assertThat(second.get("/staff/escalation/requests/ER-NOTHING1").status()).isEqualTo(404);
            assertThat(second.download("/staff/escalation/requests/ER-NOTHING1/dossier").statusCode()).isEqualTo(404);
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
            String reference = path.substring(path.lastIndexOf('/') + 1);

            // The authority's liaison sees it in the portal and answers there; another organisation's does not.
            StaffHttp liaison = analyst(staff.create(authority, StaffRole.LIAISON));
            StaffHttp stranger = analyst(staff.create("acm", StaffRole.LIAISON));
            assertThat(liaison.get("/liaison/escalation").document().select("#requests tr.request").text()).contains(reference);
            assertThat(stranger.get("/liaison/escalation").document().select("#requests tr.request:contains(" + reference + ")")).isEmpty();
            assertThat(stranger.get("/liaison/escalation/" + reference).status()).isEqualTo(404);
            assertThat(stranger.download("/liaison/escalation/" + reference + "/dossier").statusCode()).isEqualTo(404);
            assertThat(stranger.postForm("/liaison/escalation/" + reference + "/answer", Map.of("state", "rejected")).status())
                    .isEqualTo(404);
            Document portal = liaison.get("/liaison/escalation/" + reference).document();
            assertThat(portal.getElementById("letter-body").text()).contains(disputed.item().url());
            assertThat(liaison.download("/liaison/escalation/" + reference + "/dossier").statusCode()).isEqualTo(200);
            liaison.postForm("/liaison/escalation/" + reference + "/answer", Map.of("state", "draft"));
            assertThat(liaison.get("/liaison/escalation/" + reference).document().getElementById("request-error").text())
                    .startsWith("Choose what the authority said");
            liaison.postForm("/liaison/escalation/" + reference + "/answer", Map.of("state", "under_investigation",
                    "authorityReference", "INV-77", "note", "Assigned to a case officer"));
            assertThat(liaison.get("/liaison/escalation/" + reference).document().getElementById("request-notice").text())
                    .contains("Your answer is recorded");
            page = second.get(path).document();
            assertThat(page.getElementById("request-state").text()).isEqualTo("under investigation");
            assertThat(page.getElementById("request-authority-reference").text()).isEqualTo("INV-77");
            assertThat(page.select("#request-entries .note").text()).contains("Assigned to a case officer (via the liaison portal)");
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'escalation.request-viewed-by-liaison' and detail like ?")
                    .param(reference + "%").query(Long.class).single()).isGreaterThanOrEqualTo(2);

            assertThat(outbox.find(org.recourse.escalation.internal.requests.FilingRequests.TOPIC,
                    jdbc.sql("select id from escalation_request where reference = ?").param(path.substring(path.lastIndexOf('/') + 1))
                            .query(java.util.UUID.class).single())).as("nothing queued for sending").isEmpty();
        }
    }
}
