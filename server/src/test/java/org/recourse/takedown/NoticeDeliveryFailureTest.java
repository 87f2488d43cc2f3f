package org.recourse.takedown;

import static org.recourse.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.platform.OutboxEntry;
import org.recourse.platform.OutboxStatus;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.recourse.takedown.internal.outbox.SendingNotices;

/**
 * A notice the mail server refuses: the server's reply is kept in words and shown, the outbox
 * retries by its schedule as time passes (the test moves the clock, it does not wait), then gives
 * up; the notice counts as overdue and its item no longer reads "notified". Once the server
 * accepts again, two analysts pressing resend at the same moment send it exactly once.
 */
class NoticeDeliveryFailureTest extends TakedownIntegrationTest {

    static final String REFUSAL = "550 5.1.1 Mailbox unavailable";

    /** An analyst whose pages are in English (the English report form sets the language). */
    StaffHttp analyst() {
        StaffHttp analyst = new StaffHttp(port);
        analyst.get("/report");
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        return analyst;
    }

    OutboxEntry delivery(UUID notice) {
        return outbox.find(SendingNotices.TOPIC, notice).orElseThrow();
    }

    boolean settledAfter(UUID notice, int attempts) {
        OutboxEntry entry = delivery(notice);
        return entry.attempts() == attempts && entry.status() != OutboxStatus.SENDING;
    }

    @Test
    void aRefusedNoticeIsRetriedByScheduleFailsForGoodInWordsAndIsResentOnceWhenTwoAnalystsPressAtOnce() throws Exception {
        StaffHttp first = analyst();
        StaffHttp second = analyst();
        SMTP.refuse(REFUSAL);
        String address = "refused-" + UUID.randomUUID() + "@host.test";
        String hoster = recipient("Refusing Host", false, address, null, null, "en");
        UUID caseId = report("https://refused.example/" + UUID.randomUUID());
        decide(caseId, cases.items(caseId).getFirst(), hoster, false, longAgo());

        await("the first attempt fails", Duration.ofSeconds(30), () -> jdbc.sql(
                "select count(*) from takedown_notice where recipient_key = ?").param(hoster).query(Long.class).single() == 1
                && settledAfter(notice(hoster), 1));
        UUID notice = notice(hoster);
        OutboxEntry entry = delivery(notice);
        assertThat(entry.status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(entry.lastError()).isEqualTo("the mail server refused recipient " + address + ": SMTP " + REFUSAL);
        assertThat(Duration.between(entry.lastAttemptAt(), entry.nextAttemptAt()))
                .as("the first wait of the schedule, counted from the failure").isBetween(Duration.ofMinutes(1), Duration.ofSeconds(70));

        outbox.deliverDue();
        assertThat(delivery(notice).attempts()).as("nothing is tried again before the wait has passed").isEqualTo(1);
        Document waiting = first.get("/staff/takedown/notices/" + notice).document();
        assertThat(waiting.getElementById("notice-status").text()).isEqualTo("waiting to be sent");
        assertThat(waiting.getElementById("last-error").text()).contains("SMTP " + REFUSAL);
        assertThat(waiting.getElementById("next-attempt")).isNotNull();

        int attempts = 1;
        for (Duration wait : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(6), Duration.ofHours(12))) {
            clock.advance(wait);
            int expected = ++attempts;
            await("attempt " + expected + " after " + wait, Duration.ofSeconds(30), () -> settledAfter(notice, expected));
        }
        assertThat(delivery(notice).status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(delivery(notice).nextAttemptAt()).isNull();
        assertThat(jdbc.sql("select status from takedown_notice where id = ?").param(notice).query(String.class).single())
                .isEqualTo("failed");
        assertThat(mailTo(address)).isEmpty();

        Document failed = first.get("/staff/takedown/notices/" + notice).document();
        assertThat(failed.getElementById("notice-status").text()).isEqualTo("could not be sent");
        assertThat(failed.getElementById("delivery-attempts").text()).isEqualTo("7");
        assertThat(failed.getElementById("last-error").text()).contains("SMTP " + REFUSAL);
        assertThat(failed.getElementById("failed-explanation").text()).contains("counts as overdue");
        assertThat(failed.getElementById("resend").text()).isEqualTo("Resend");
        assertThat(failed.getElementById("items").text()).contains("notice did not arrive").doesNotContain("notified, still online");
        assertThat(first.get("/staff/takedown/overdue").document().getElementById("overdue").text())
                .contains(jdbc.sql("select reference from takedown_notice where id = ?").param(notice).query(String.class).single())
                .contains("could not be sent");

        SMTP.accept();
        second.get("/staff/takedown/notices/" + notice);
        CountDownLatch go = new CountDownLatch(1);
        List<StaffHttp.Page> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> presses = new ArrayList<>();
        for (StaffHttp analyst : List.of(first, second)) {
            presses.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answers.add(analyst.postForm("/staff/takedown/notices/" + notice + "/resend", Map.of()));
            }));
        }
        go.countDown();
        for (Thread press : presses) {
            press.join();
        }
        assertThat(answers).allMatch(page -> page.redirectsTo("/staff/takedown/notices/" + notice));
        await("the resent notice is delivered", Duration.ofSeconds(30), () -> mailTo(address).size() == 1);
        // The mail server has the message a moment before the sending thread records it as sent.
        await("the delivery is recorded", Duration.ofSeconds(30), () -> delivery(notice).status() == OutboxStatus.SENT);
        planAndSendDue();
        assertThat(mailTo(address)).hasSize(1);
        assertThat(delivery(notice).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(delivery(notice).attempts()).isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'takedown.notice-resent' and object_id = ?")
                .param(notice.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from takedown_item where case_id = ?").param(caseId).query(String.class).single())
                .isEqualTo("notified");
        Document sent = first.get("/staff/takedown/notices/" + notice).document();
        assertThat(sent.getElementById("notice-status").text()).isEqualTo("sent");
        assertThat(first.get("/staff/takedown/overdue").document().text())
                .doesNotContain(jdbc.sql("select reference from takedown_notice where id = ?").param(notice).query(String.class).single());
    }

    @Test
    void aPlatformApiThatRefusesIsToldInItsOwnWords() {
        String path = "/notices/" + UUID.randomUUID();
        PLATFORM_API.givenThat(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(path)).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)
                        .withHeader("Content-Type", "text/plain").withBody("Notice intake closed for maintenance until 14:00 UTC")));
        String platform = recipient("Busy Platform", false, null, PLATFORM_API.baseUrl() + path, null, "en");
        UUID caseId = report("https://busy.example/" + UUID.randomUUID());
        decide(caseId, cases.items(caseId).getFirst(), platform, false, longAgo());
        await("the first attempt fails", Duration.ofSeconds(30), () -> jdbc.sql(
                "select count(*) from takedown_notice where recipient_key = ?").param(platform).query(Long.class).single() == 1
                && settledAfter(notice(platform), 1));
        assertThat(delivery(notice(platform)).lastError())
                .isEqualTo("HTTP 503 Service Unavailable: Notice intake closed for maintenance until 14:00 UTC");
    }

    UUID notice(String recipient) {
        return jdbc.sql("select id from takedown_notice where recipient_key = ?").param(recipient).query(UUID.class).single();
    }
}
