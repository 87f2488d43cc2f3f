package org.recourse.takedown;

import static org.recourse.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.intake.ReportedItem;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.recourse.takedown.internal.responses.ReadingReplies;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A notice e-mail accepted by the mail server and then returned as undeliverable: the delivery
 * status report (RFC 3464) arriving in the replies mailbox marks the notice bounced with the
 * report's status and diagnostic in words, takes its item out of "notified" and puts it on the
 * "needs attention" list; a report that says the mail is only delayed changes nothing.
 */
class BounceTest extends TakedownIntegrationTest {

    @Autowired
    ReadingReplies replies;

    void deliverToRepliesMailbox(String raw) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(MAIL.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)));
        Transport.send(message);
    }

    static String report(String address, String action, String status, String diagnostic, String messageId, String reference) {
        return """
                From: MAILER-DAEMON@mx.host.test
                To: %6$s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <dsn-%7$s@mx.host.test>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b-%7$s"

                --b-%7$s
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.host.test. Your message could not be delivered.

                --b-%7$s
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.host.test

                Final-Recipient: rfc822; %1$s
                Original-Recipient: rfc822;%1$s
                Action: %2$s
                Status: %3$s
                Remote-MTA: dns; mx.host.test
                Diagnostic-Code: smtp; %4$s

                --b-%7$s
                Content-Type: text/rfc822-headers

                Message-ID: %5$s
                X-Recourse-Reference: %8$s
                Subject: Notice %8$s

                --b-%7$s--
                """.formatted(address, action, status, diagnostic, messageId, REPLIES_MAILBOX, UUID.randomUUID(), reference);
    }

    @Test
    void aDeliveryStatusReportMarksTheNoticeBouncedInWordsAndPutsItOnTheAttentionList() throws Exception {
        String address = "gone-" + UUID.randomUUID() + "@host.test";
        String recipient = recipient("Bouncing Host", false, address, null, null, "en");
        Reported reported = reportWithCredentials("https://bounce.example/" + UUID.randomUUID());
        ReportedItem item = cases.items(reported.caseId()).getFirst();
        decide(reported.caseId(), item, recipient, false, longAgo());
        await("the notice is sent", Duration.ofSeconds(30), () -> jdbc.sql(
                "select count(*) from takedown_notice where recipient_key = ? and status = 'sent'").param(recipient).query(Long.class).single() == 1);
        Map<String, Object> notice = jdbc.sql("select id, reference, message_id from takedown_notice where recipient_key = ?")
                .param(recipient).query().singleRow();
        UUID id = (UUID) notice.get("id");
        String reference = (String) notice.get("reference");

        deliverToRepliesMailbox(report(address, "delayed", "4.4.1", "421 4.4.1 connection timed out, will retry",
                (String) notice.get("message_id"), reference));
        replies.poll();
        assertThat(jdbc.sql("select status from takedown_notice where id = ?").param(id).query(String.class).single())
                .as("a delay is not a bounce").isEqualTo("sent");

        String diagnostic = "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown in virtual mailbox table";
        deliverToRepliesMailbox(report(address, "failed", "5.1.1", diagnostic, (String) notice.get("message_id"), reference));
        replies.poll();
        replies.poll();

        Map<String, Object> bounced = jdbc.sql("select status, bounce_reason from takedown_notice where id = ?").param(id).query().singleRow();
        assertThat(bounced.get("status")).isEqualTo("bounced");
        assertThat(bounced.get("bounce_reason")).isEqualTo(address + ": status 5.1.1, smtp; " + diagnostic);
        assertThat(jdbc.sql("select status from takedown_item where reported_item_id = ?").param(item.id()).query(String.class).single())
                .isEqualTo("undelivered");
        assertThat(jdbc.sql("select count(*) from takedown_response where notice_id = ?").param(id).query(Long.class).single())
                .as("a bounce is no acknowledgement").isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'takedown.notice-bounced' and object_id = ?")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);

        StaffHttp analyst = new StaffHttp(port);
        analyst.get("/report");
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        Element entry = org.recourse.support.AttentionEntries.forCase(analyst, "takedown", reported.caseNumber());
        assertThat(entry).as("the bounced notice is on the take-down part of the dashboard").isNotNull();
        assertThat(entry.selectFirst(".reason").text()).isEqualTo("Notice " + reference + " to Bouncing Host " + recipient
                + " came back as undeliverable: " + address + ": status 5.1.1, smtp; " + diagnostic);
        assertThat(entry.selectFirst("a.action").text()).isEqualTo("Change the recipient or channel");
        Document page = analyst.get(entry.selectFirst("a.action").attr("href")).document();
        assertThat(page.getElementById("notice-status").text()).isEqualTo("returned as undeliverable");
        assertThat(page.getElementById("bounce-reason").text()).contains("User unknown");
        assertThat(page.selectFirst("#items a.route-link").attr("href")).endsWith("/route");
        assertThat(analyst.get("/staff/takedown/overdue").document().getElementById("overdue").text()).contains(reference);
    }
}
