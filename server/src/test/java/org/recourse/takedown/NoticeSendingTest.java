package org.recourse.takedown;

import static org.recourse.support.Eventually.await;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.ReportedItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decisions become grouped DSA notices that leave the outbox exactly once, by e-mail or platform API. */
class NoticeSendingTest extends TakedownIntegrationTest {

    @Test
    void itemsForOneRecipientGoOutAsOneEmailWithAllArticle16ElementsAndItsMessageIdIsRecorded() throws Exception {
        String address = "abuse-" + UUID.randomUUID() + "@host.test";
        String hoster = recipient("Hoster", true, address, null, null, "en");
        String unique = UUID.randomUUID().toString();
        UUID caseId = report("https://a.example/" + unique + "/1", "https://a.example/" + unique + "/2");
        List<ReportedItem> items = cases.items(caseId);
        decide(caseId, items.get(0), hoster, false, longAgo());
        decide(caseId, items.get(1), hoster, false, clock.instant());

        await("the notice is mailed", Duration.ofSeconds(30), () -> !mailTo(address).isEmpty());
        planAndSendDue();
        List<MimeMessage> received = mailTo(address);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body).contains("https://a.example/" + unique + "/1").contains("https://a.example/" + unique + "/2")
                .contains("Why this content is illegal (Article 16(2)(a) DSA):\nSexual deepfake of the reporter")
                .contains("Notifier (Article 16(2)(c) DSA): Helpwanted Test, notices@helpwanted.example.org")
                .contains("We declare in good faith")
                .contains("trusted flagger within the meaning of Article 22");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("notices@helpwanted.example.org");

        await("the outbox records the notice as sent after the mail server took it", Duration.ofSeconds(10), () -> "sent".equals(
                jdbc.sql("select status from takedown_notice where recipient_key = ?").param(hoster).query(String.class).single()));
        Map<String, Object> notice = jdbc.sql("select * from takedown_notice where recipient_key = ?").param(hoster).query().singleRow();
        assertThat(notice).containsEntry("status", "sent").containsEntry("channel", "email").containsEntry("kind", "first");
        assertThat(mail.getMessageID()).isEqualTo(notice.get("message_id"));
        assertThat(mail.getSubject()).contains((String) notice.get("reference"));
        assertThat(notice.get("sla_due_at")).isNotNull();
        assertThat(cases.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.NOTICES_SENT);
    }

    @Test
    void anItemDecidedJustNowWaitsForOthersAndCsamNoticesLeaveTheNotifierOut() throws Exception {
        String address = "abuse-" + UUID.randomUUID() + "@host.test";
        String hoster = recipient("Hoster", false, address, null, null, "nl", "en");
        UUID caseId = report("https://b.example/" + UUID.randomUUID());
        ReportedItem item = cases.items(caseId).getFirst();
        decide(caseId, item, hoster, true, clock.instant());
        await("the item waits for its notice", Duration.ofSeconds(10), () -> jdbc.sql(
                "select count(*) from takedown_item where reported_item_id = ? and status = 'pending'").param(item.id())
                .query(Long.class).single() == 1);

        planAndSendDue();
        assertThat(mailTo(address)).isEmpty();

        clock.advance(Duration.ofMinutes(29));
        planAndSendDue();
        assertThat(mailTo(address)).as("the grouping delay is 30 minutes in these tests").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        await("the notice is mailed", Duration.ofSeconds(30), () -> !mailTo(address).isEmpty());
        String body = (String) mailTo(address).getFirst().getContent();
        assertThat(body).contains("Naam en e-mailadres van de melder zijn weggelaten").doesNotContain("Helpwanted Test")
                .doesNotContain("betrouwbare flagger").contains("Wij verklaren te goeder trouw");
    }

    @Test
    void aPlatformWithAnApiGetsTheNoticeAsJsonAndIsRenotifiedWhileTheItemStaysOnline() throws Exception {
        String path = "/notices/" + UUID.randomUUID();
        PLATFORM_API.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"PLAT-77\"}")));
        String platform = recipient("Platform", true, null, PLATFORM_API.baseUrl() + path, null, "en");
        UUID caseId = report("https://c.example/" + UUID.randomUUID());
        ReportedItem item = cases.items(caseId).getFirst();
        decide(caseId, item, platform, false, longAgo());

        await("the notice is posted", Duration.ofSeconds(30),
                () -> !PLATFORM_API.findAll(postRequestedFor(urlEqualTo(path))).isEmpty());
        var request = PLATFORM_API.findAll(postRequestedFor(urlEqualTo(path))).getFirst();
        JsonNode json = JsonMapper.builder().build().readTree(request.getBodyAsString());
        assertThat(json.get("items").get(0).get("url").asString()).isEqualTo(item.url());
        assertThat(json.get("items").get(0).get("explanation").asString()).startsWith("Sexual deepfake");
        assertThat(json.get("notifier").get("email").asString()).isEqualTo("notices@helpwanted.example.org");
        assertThat(json.get("goodFaithStatement").asBoolean()).isTrue();
        assertThat(json.get("trustedFlagger").asBoolean()).isTrue();
        String reference = json.get("reference").asString();
        PLATFORM_API.verify(1, postRequestedFor(urlEqualTo(path)).withHeader("Idempotency-Key", equalTo(reference)));
        await("the platform's reference is kept", Duration.ofSeconds(10), () -> "PLAT-77".equals(jdbc.sql(
                "select coalesce(external_reference, '') from takedown_notice where reference = ?").param(reference).query(String.class).single()));

        jdbc.sql("update takedown_item set last_notified_at = now() - interval '25 hours' where reported_item_id = ?")
                .param(item.id()).update();
        await("a re-notice is posted", Duration.ofSeconds(30),
                () -> PLATFORM_API.findAll(postRequestedFor(urlEqualTo(path))).size() == 2);
        assertThat(jdbc.sql("select kind from takedown_notice where recipient_key = ? order by created_at").param(platform)
                .query(String.class).list()).containsExactly("first", "renotice");
    }

    @Test
    void anXarfRecipientGetsAnXarfV4ReportForDoxingAndAPlainNoticeForFormsXarfCannotExpress() throws Exception {
        String address = "xarf-" + UUID.randomUUID() + "@host.test";
        String recipient = recipient("Xarf Host", false, address, null, null, "en");
        takesXarf(recipient);
        UUID caseId = report("https://x.example/" + UUID.randomUUID());
        ReportedItem item = cases.items(caseId).getFirst();
        decide(caseId, item, recipient, false, longAgo(), "doxing");

        await("the report is mailed", Duration.ofSeconds(30), () -> !mailTo(address).isEmpty());
        MimeMessage mail = mailTo(address).getFirst();
        assertThat(mail.getHeader("X-ARF")).containsExactly("Yes");
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("We declare in good faith");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("xarf-1.json");
        JsonNode xarf = JsonMapper.builder().build().readTree(parts.getBodyPart(1).getInputStream().readAllBytes());
        assertThat(org.recourse.support.XarfSchema.violations(xarf)).isEmpty();
        assertThat(xarf.get("type").asString()).isEqualTo("exposed_data");
        assertThat(xarf.get("url").asString()).isEqualTo(item.url());
        assertThat(xarf.get("description").asString()).startsWith("Sexual deepfake");
        assertThat(xarf.get("reporter").get("contact").asString()).isEqualTo("notices@helpwanted.example.org");

        UUID deepfakeCase = report("https://x.example/" + UUID.randomUUID());
        decide(deepfakeCase, cases.items(deepfakeCase).getFirst(), recipient, false, longAgo(), "deepfake");
        await("the second notice is mailed", Duration.ofSeconds(30), () -> mailTo(address).size() == 2);
        MimeMessage plain = mailTo(address).get(1);
        assertThat(plain.getHeader("X-ARF")).isNull();
        assertThat(plain.getContent()).isInstanceOf(String.class);
        assertThat((String) plain.getContent()).contains("We declare in good faith");
    }

    @Test
    void aWebFormOnlyRecipientWaitsForTheAnalystWhoRecordsThePlatformsReference() {
        String recipient = recipient("Form Only", false, null, null, "https://form.example/report", "en");
        UUID caseId = report("https://f.example/" + UUID.randomUUID());
        decide(caseId, cases.items(caseId).getFirst(), recipient, false, longAgo());
        await("the notice waits for the analyst", Duration.ofSeconds(30), () -> jdbc.sql(
                "select count(*) from takedown_notice where recipient_key = ? and status = 'awaiting_manual'").param(recipient)
                .query(Long.class).single() == 1);
        UUID notice = jdbc.sql("select id from takedown_notice where recipient_key = ?").param(recipient).query(UUID.class).single();

        org.recourse.support.StaffHttp analyst = new org.recourse.support.StaffHttp(port);
        analyst.get("/report");
        analyst.signIn(new org.recourse.support.TestStaff(jdbc).create(org.recourse.accounts.StaffRole.ANALYST));
        assertThat(analyst.get("/staff/takedown/notices/" + notice).document().getElementById("submitted").text())
                .contains("https://form.example/report");
        assertThat(analyst.postForm("/staff/takedown/notices/" + notice + "/submitted", Map.of("reference", " "))
                .redirectsTo("/staff/takedown/notices/" + notice + "#submitted")).isTrue();
        assertThat(analyst.postForm("/staff/takedown/notices/" + notice + "/submitted", Map.of("reference", "WEB-4711"))
                .redirectsTo("/staff/takedown/notices/" + notice)).isTrue();
        assertThat(analyst.get("/staff/takedown/notices/" + notice).document().getElementById("external-reference").text())
                .isEqualTo("WEB-4711");
        assertThat(cases.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.NOTICES_SENT);
    }

    @Test
    void anAnalystSendsAWaitingNoticeNowAndTheCasePageSaysWhenItWouldHaveGone() {
        String address = "early-" + UUID.randomUUID() + "@host.test";
        String hoster = recipient("Early Host", false, address, null, null, "en");
        UUID caseId = report("https://early.example/" + UUID.randomUUID());
        ReportedItem item = cases.items(caseId).getFirst();
        Instant decidedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        decide(caseId, item, hoster, false, decidedAt);
        await("the item waits for its notice", Duration.ofSeconds(10), () -> jdbc.sql(
                "select count(*) from takedown_item where reported_item_id = ? and status = 'pending'").param(item.id())
                .query(Long.class).single() == 1);
        UUID itemId = jdbc.sql("select id from takedown_item where reported_item_id = ?").param(item.id()).query(UUID.class).single();

        org.recourse.support.StaffHttp analyst = new org.recourse.support.StaffHttp(port);
        analyst.get("/report");
        analyst.signIn(new org.recourse.support.TestStaff(jdbc).create(org.recourse.accounts.StaffRole.ANALYST));
        String goesAt = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(decidedAt.plus(Duration.ofMinutes(30)).atZone(java.time.ZoneId.of("Europe/Amsterdam")));
        String casePageUrl = analyst.get("/staff/takedown/cases/" + caseId).location().replace("#takedown", "");
        org.jsoup.nodes.Document casePage = analyst.get(casePageUrl).document();
        assertThat(casePage.selectFirst("#takedown-items .goes-at").text()).isEqualTo("– goes at " + goesAt);

        org.recourse.support.StaffHttp.Page sent = analyst.postForm("/staff/takedown/items/" + itemId + "/send-now", Map.of());
        assertThat(sent.location()).contains("/staff/takedown/notices/");
        await("the notice is mailed without waiting for the grouping delay", Duration.ofSeconds(30), () -> mailTo(address).size() == 1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'takedown.notice-sent-early' and object_id = ?")
                .param(sent.location().substring(sent.location().lastIndexOf('/') + 1)).query(Long.class).single()).isEqualTo(1);

        org.recourse.support.StaffHttp.Page again = analyst.postForm("/staff/takedown/items/" + itemId + "/send-now", Map.of());
        assertThat(again.location()).isEqualTo(casePageUrl + "#takedown");
        assertThat(analyst.get(casePageUrl).document().select("#takedown [role=alert]").text())
                .startsWith("This item no longer waits for a notice");
        planAndSendDue();
        assertThat(mailTo(address)).hasSize(1);
    }
}
