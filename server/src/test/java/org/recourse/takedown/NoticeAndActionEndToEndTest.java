package org.recourse.takedown;

import static org.recourse.support.Eventually.await;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.ReportedItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance scenario of issue 7: a local website plays the platform (its abuse mailbox is
 * GreenMail, a second platform answers over an API played by WireMock). Report → assessment →
 * notices with all four art. 16(2) elements → the site removes the pages → each item offline
 * after three misses → time to removal recorded → the reporter's status page says "Removed".
 */
class NoticeAndActionEndToEndTest extends TakedownIntegrationTest {

    @Test
    void fromReportToRemoval() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            byte[] image = "not really a png".getBytes(StandardCharsets.UTF_8);
            String id = UUID.randomUUID().toString();
            site.page("/" + id + "/photo.png", "image/png", image).page("/" + id + "/video", "text/html", "<p>video</p>".getBytes());
            String mailbox = "abuse-" + id + "@site.test";
            String emailPlatform = recipient("Local Site", false, mailbox, null, null, "nl", "en");
            String apiPath = "/dsa/" + id;
            PLATFORM_API.stubFor(post(urlEqualTo(apiPath)).willReturn(aResponse().withStatus(202)));
            String apiPlatform = recipient("Api Platform", true, null, PLATFORM_API.baseUrl() + apiPath, null, "en");

            Reported reported = reportWithCredentials(site.url("/" + id + "/photo.png").toString(), site.url("/" + id + "/video").toString());
            List<ReportedItem> items = cases.items(reported.caseId());
            decide(reported.caseId(), items.get(0), emailPlatform, false, longAgo());
            decide(reported.caseId(), items.get(1), apiPlatform, false, longAgo());

            await("both notices are sent", Duration.ofSeconds(30), () -> mail(mailbox) != null
                    && !PLATFORM_API.findAll(postRequestedFor(urlEqualTo(apiPath))).isEmpty());
            String body = ((String) mail(mailbox).getContent()).replace("\r\n", "\n");
            assertThat(body).contains("Exacte locatie (URL): " + items.get(0).url())
                    .contains("Waarom deze inhoud illegaal is (artikel 16, lid 2, onder a, DSA):\nSexual deepfake of the reporter")
                    .contains("Melder (artikel 16, lid 2, onder c, DSA): Helpwanted Test, notices@helpwanted.example.org")
                    .contains("Wij verklaren te goeder trouw dat de informatie en beweringen in deze melding juist en volledig zijn");
            JsonNode api = JsonMapper.builder().build().readTree(
                    PLATFORM_API.findAll(postRequestedFor(urlEqualTo(apiPath))).getFirst().getBodyAsString());
            assertThat(api.get("items").get(0).get("url").asString()).isEqualTo(items.get(1).url());
            assertThat(api.get("items").get(0).get("explanation").asString()).contains("without consent");
            assertThat(api.get("notifier").get("name").asString()).isEqualTo("Helpwanted Test");
            assertThat(api.get("goodFaithStatement").asBoolean()).isTrue();
            assertThat(api.get("text").asString()).contains("trusted flagger within the meaning of Article 22");
            await("the case shows notices sent", Duration.ofSeconds(10),
                    () -> cases.find(reported.caseId()).orElseThrow().status() == CaseStatus.NOTICES_SENT);
            assertThat(statusPage(reported).getElementById("current-status").text()).startsWith("Removal request sent");

            await("the pages were checked and found online", Duration.ofSeconds(20), () -> count(
                    "select count(*) from takedown_check c join takedown_item i on i.id = c.item_id where i.case_id = ? and c.outcome = 'online'",
                    reported.caseId()) >= 2);
            assertThat(cases.find(reported.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.NOTICES_SENT);

            site.respond("/" + id + "/photo.png", new TestWebsite.Page(404, "text/plain", new byte[0], Map.of()));
            site.respond("/" + id + "/video", new TestWebsite.Page(410, "text/plain", new byte[0], Map.of()));
            await("both items are offline", Duration.ofSeconds(30), () -> count(
                    "select count(*) from takedown_item where case_id = ? and status = 'offline'", reported.caseId()) == 2);

            List<Map<String, Object>> rows = jdbc.sql("""
                            select i.first_notified_at, i.offline_at,
                                   (select count(*) from takedown_check c where c.item_id = i.id and c.outcome <> 'online') as misses
                            from takedown_item i where i.case_id = ?""").param(reported.caseId()).query().listOfRows();
            for (Map<String, Object> row : rows) {
                assertThat(((Number) row.get("misses")).intValue()).isEqualTo(3);
                assertThat(((Timestamp) row.get("offline_at")).toInstant()).isAfter(((Timestamp) row.get("first_notified_at")).toInstant());
            }
            assertThat(count("select count(*) from takedown_notice n join takedown_notice_item ni on ni.notice_id = n.id "
                    + "join takedown_item i on i.id = ni.item_id where i.case_id = ? and n.removed_at is not null", reported.caseId()))
                    .isEqualTo(2);
            await("statistics heard of both notices and both removals (NoticeSent, NoticeContentRemoved)",
                    Duration.ofSeconds(30), () -> count("""
                            select count(*) from stat_notice s where s.removed_at is not null and s.notice_id in (
                                select ni.notice_id from takedown_notice_item ni join takedown_item i on i.id = ni.item_id
                                where i.case_id = ?)""", reported.caseId()) == 2);
            assertThat(cases.find(reported.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.REMOVED);
            assertThat(statusPage(reported).getElementById("current-status").text())
                    .isEqualTo("Removed – The reported content is no longer online. We keep checking whether it comes back.");
        }
    }

    MimeMessage mail(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElse(null);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
