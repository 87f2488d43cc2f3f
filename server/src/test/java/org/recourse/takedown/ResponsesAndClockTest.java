package org.recourse.takedown;

import static org.recourse.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.intake.ReportedItem;
import org.recourse.platform.CliCommand;
import org.recourse.support.OpenApiSchemas;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.recourse.takedown.internal.responses.ReadingReplies;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Responses from every direction — an e-mail reply read over IMAP, the platform callback API, an
 * analyst — land on the notice and the case timeline; the clock shows who is overdue and by how much.
 */
class ResponsesAndClockTest extends TakedownIntegrationTest {

    @Autowired
    List<CliCommand> commands;
    @Autowired
    ReadingReplies replies;

    record Sent(UUID caseId, String recipient, String address, Map<String, Object> notice) {
        UUID id() {
            return (UUID) notice.get("id");
        }
    }

    Sent sentNotice(boolean trustedFlagger) {
        String address = "abuse-" + UUID.randomUUID() + "@host.test";
        String recipient = recipient("Responder", trustedFlagger, address, null, null, "en");
        UUID caseId = report("https://r.example/" + UUID.randomUUID());
        ReportedItem item = cases.items(caseId).getFirst();
        decide(caseId, item, recipient, false, longAgo());
        await("the notice is sent", Duration.ofSeconds(30), () -> jdbc.sql(
                "select count(*) from takedown_notice where recipient_key = ? and status = 'sent'").param(recipient).query(Long.class).single() == 1);
        return new Sent(caseId, recipient, address,
                jdbc.sql("select * from takedown_notice where recipient_key = ?").param(recipient).query().singleRow());
    }

    void mailReply(String from, String subject, String inReplyTo, String text) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(MAIL.getSmtp().getPort()));
        MimeMessage reply = new MimeMessage(Session.getInstance(properties));
        reply.setFrom(new InternetAddress(from));
        reply.setRecipients(Message.RecipientType.TO, REPLIES_MAILBOX);
        reply.setSubject(subject);
        if (inReplyTo != null) {
            reply.setHeader("In-Reply-To", inReplyTo);
        }
        reply.setText(text);
        Transport.send(reply);
    }

    List<Map<String, Object>> responsesOf(Sent sent) {
        return jdbc.sql("select * from takedown_response where notice_id = ? order by received_at").param(sent.id()).query().listOfRows();
    }

    @Test
    void anEmailReplyIsMatchedByInReplyToOrByTheReferenceInTheSubjectAndRecordedOnce() throws Exception {
        Sent first = sentNotice(false);
        Sent second = sentNotice(false);
        mailReply(first.address(), "Re: your notice", (String) first.notice().get("message_id"), "We are looking into it.");
        mailReply(second.address(), "Case 991 regarding " + second.notice().get("reference"), null, "Received.");
        mailReply("spam@elsewhere.test", "Hello", null, "Buy now");

        replies.poll();
        replies.poll();

        assertThat(responsesOf(first)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("kind", "acknowledgement").containsEntry("source", "email").containsEntry("reasons", "We are looking into it."));
        assertThat(responsesOf(second)).singleElement().satisfies(r -> assertThat(r).containsEntry("reasons", "Received."));
        assertThat(jdbc.sql("select acknowledged_at from takedown_notice where id = ?").param(first.id()).query().singleValue()).isNotNull();
    }

    @Test
    void aPlatformReportsItsDecisionWithItsOwnKeyAndOnlyForItsOwnNotices() throws Exception {
        Sent sent = sentNotice(true);
        Sent other = sentNotice(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliCommand create = commands.stream().filter(c -> c.name().equals("notice-key create")).findFirst().orElseThrow();
        assertThat(create.run(List.of("--recipient", sent.recipient()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()))).isZero();
        String key = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(key).startsWith("tk_");

        assertThat(callback(sent.id().toString(), null, "{\"type\":\"acknowledgement\"}").statusCode()).isEqualTo(401);
        assertThat(callback(other.id().toString(), key, "{\"type\":\"acknowledgement\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> invalid = callback(sent.id().toString(), key, "{\"type\":\"decision\",\"decision\":\"maybe\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(invalid.body()).contains("\"name\":\"decision\"");
        String apiDocs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(new OpenApiSchemas(apiDocs).violations("/components/schemas/InvalidNoticeResponseProblem",
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(invalid.body()))).as(invalid.body()).isEmpty();

        assertThat(callback((String) sent.notice().get("reference"), key, "{\"type\":\"acknowledgement\"}").statusCode()).isEqualTo(201);
        assertThat(callback(sent.id().toString(), key,
                "{\"type\":\"decision\",\"decision\":\"removed\",\"reasons\":\"Violates our policy on intimate imagery.\"}").statusCode())
                .isEqualTo(201);
        assertThat(responsesOf(sent)).extracting(r -> r.get("kind")).containsExactly("acknowledgement", "decision");
        assertThat(jdbc.sql("select decision from takedown_notice where id = ?").param(sent.id()).query(String.class).single())
                .isEqualTo("removed");

        StaffHttp analyst = new StaffHttp(port);
        analyst.get("/report");
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        String reference = (String) sent.notice().get("reference");
        StaffHttp.Page moved = analyst.get("/staff/takedown/cases/" + sent.caseId());
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.location()).startsWith("/staff/cases/RC-").endsWith("#takedown");
        Document casePage = analyst.get(moved.location().replace("#takedown", "")).document();
        assertThat(casePage.getElementById("timeline").text()).contains("Notice sent " + reference + " · ")
                .contains("Acknowledgement received for " + reference)
                .contains("Removed, says the recipient: " + reference);
        assertThat(casePage.select("#takedown-notices a[href=/staff/takedown/notices/" + sent.id() + "]").text()).isEqualTo(reference);
        assertThat(casePage.getElementById("takedown-notices").text()).contains("Acknowledgement", "removed");
    }

    HttpResponse<String> callback(String id, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/notices/" + id + "/responses"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnalystRecordsADecisionAndOverdueNoticesShowWhoAndByHowMuch() {
        Sent late = sentNotice(true);
        jdbc.sql("update takedown_notice set sent_at = now() - interval '30 hours', sla_due_at = now() - interval '6 hours' where id = ?")
                .param(late.id()).update();

        StaffHttp analyst = new StaffHttp(port);
        analyst.get("/report");
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        assertThat(analyst.get("/staff").body()).contains("/staff/takedown/overdue");
        Document overdue = analyst.get("/staff/takedown/overdue").document();
        var row = overdue.select("#overdue tr:has(a:containsOwn(" + late.notice().get("reference") + "))");
        assertThat(row.text()).contains("Responder " + late.recipient()).contains("trusted flagger");
        assertThat(row.select(".overdue-by").text()).isEqualTo("6 h 0 min");

        StaffHttp.Page notice = analyst.get("/staff/takedown/notices/" + late.id());
        assertThat(notice.document().getElementById("notice-body").text()).contains("We declare in good faith");
        StaffHttp.Page recorded = analyst.postForm("/staff/takedown/notices/" + late.id() + "/responses",
                Map.of("kind", "decision", "decision", "refused", "reasons", "Not against our terms."));
        assertThat(recorded.redirectsTo("/staff/takedown/notices/" + late.id())).isTrue();
        assertThat(analyst.get("/staff/takedown/notices/" + late.id()).document().getElementById("responses").text())
                .contains("Decision (Art. 16(5)) refused (entered by analyst").contains("Not against our terms.");
        assertThat(analyst.get("/staff/takedown/overdue").body()).doesNotContain((String) late.notice().get("reference"));
    }

    @Test
    void aCoordinatorEditsARecipientsTemplateWithAPreviewAndCannotDropAnArticle16Element() {
        Sent sent = sentNotice(false);
        StaffHttp coordinator = new StaffHttp(port);
        coordinator.get("/report");
        coordinator.signIn(new TestStaff(jdbc).create(StaffRole.COORDINATOR));
        String path = "/staff/takedown/templates/edit?recipient=" + sent.recipient() + "&language=en";
        assertThat(coordinator.get(path).document().getElementById("subject").val()).contains("{{reference}}");

        StaffHttp.Page incomplete = coordinator.postForm("/staff/takedown/templates/edit", Map.of("recipient", sent.recipient(),
                "language", "en", "subject", "Notice {{reference}}", "body", "Hello {{items}}", "action", "save"));
        assertThat(incomplete.status()).isEqualTo(200);
        assertThat(incomplete.document().getElementById("body-error").text()).contains("{{items}}, {{notifier}} and {{good_faith}}");

        String body = "Hello {{recipient}}\n{{items}}\n{{notifier}}\n{{good_faith}}\nBye";
        StaffHttp.Page preview = coordinator.postForm("/staff/takedown/templates/edit", Map.of("recipient", sent.recipient(),
                "language", "en", "subject", "Own notice {{reference}}", "body", body, "action", "preview"));
        assertThat(preview.document().getElementById("preview-subject").text()).isEqualTo("Own notice TD-PREVIEW00");
        assertThat(preview.document().getElementById("preview-body").text()).contains("Hello Responder")
                .contains("https://example.org/post/123").contains("We declare in good faith");
        StaffHttp.Page saved = coordinator.postForm("/staff/takedown/templates/edit", Map.of("recipient", sent.recipient(),
                "language", "en", "subject", "Own notice {{reference}}", "body", body, "action", "save"));
        assertThat(saved.redirectsTo("/staff/takedown/templates")).isTrue();

        StaffHttp analyst = new StaffHttp(port);
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        assertThat(analyst.get(path).status()).isEqualTo(403);
    }
}
