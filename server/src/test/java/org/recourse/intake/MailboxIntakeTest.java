package org.recourse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recourse.RecourseTest;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.intake.internal.mailbox.MailboxIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The intake mailbox read over real IMAP (GreenMail). */
@RecourseTest
class MailboxIntakeTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired
    MailboxIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cases cases;

    private IntakeSettings.Mailbox box(String user) {
        return new IntakeSettings.Mailbox(true, "imap", "127.0.0.1", mail.getImap().getPort(), user, "secret",
                "INBOX", List.of("monitor@partner.example"), java.time.Duration.ofMinutes(1));
    }

    private void deliver(String user, String from, String subject, String body) {
        mail.setUser(user + "@recourse.example", user, "secret");
        GreenMailUtil.sendTextEmail(user + "@recourse.example", from, subject, body, mail.getSmtp().getServerSetup());
    }

    @Test
    void onlyWhitelistedSendersAreImported() throws Exception {
        String user = "in" + UUID.randomUUID().toString().substring(0, 8);
        String run = UUID.randomUUID().toString();
        deliver(user, "stranger@elsewhere.example", "new reports", "url: https://mail.example/stranger/" + run);
        deliver(user, "monitor@partner.example", "New reports from Offlimits Monitor", """
                reports:
                  - url: https://mail.example/%s/1
                    forms: [non_consensual_sharing]
                    reference: M-%s
                  - urls: [https://mail.example/%s/2]
                    forms: [deepfake]
                    reference: M-%s
                  - url: "ftp://not-a-web-address"
                """.formatted(run, run, run, run));

        MailboxIntake.Poll poll = intake.poll(box(user));

        assertThat(poll.ignored()).isEqualTo(1);
        assertThat(poll.processed()).isEqualTo(1);
        assertThat(poll.reportsCreated()).isEqualTo(2);
        assertThat(poll.reportsRejected()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from intake_case where external_reference = ? and channel = 'mailbox' "
                + "and source = 'Offlimits Monitor' and organisation = 'partner.example'").param("M-" + run)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from reported_item where url like ?").param("%/stranger/" + run)
                .query(Integer.class).single()).isZero();
        MimeMessage[] messages = mail.getReceivedMessages();
        MimeMessage fromStranger = List.of(messages).stream()
                .filter(m -> GreenMailUtil.getBody(m).contains("/stranger/" + run)).findFirst().orElseThrow();
        assertThat(fromStranger.getFlags().contains(Flags.Flag.SEEN)).isFalse();

        MailboxIntake.Poll again = intake.poll(box(user));
        assertThat(again.processed()).isZero();
        assertThat(again.reportsCreated()).isZero();
    }

    @Test
    void contentRemovedMarksTheItemsAndTheCase() throws Exception {
        String user = "rm" + UUID.randomUUID().toString().substring(0, 8);
        String url = "https://mail.example/removed/" + UUID.randomUUID();
        deliver(user, "monitor@partner.example", "new reports", "url: " + url + "\nreference: R1\n");
        intake.poll(box(user));
        UUID caseId = jdbc.sql("select case_id from reported_item where url = ?").param(url).query(UUID.class).single();

        deliver(user, "monitor@partner.example", "Content removed", "urls:\n  - " + url + "#fragment\n");
        MailboxIntake.Poll poll = intake.poll(box(user));

        assertThat(poll.itemsUpdated()).isEqualTo(1);
        assertThat(jdbc.sql("select content_state from reported_item where url = ?").param(url).query(String.class).single())
                .isEqualTo("removed");
        assertThat(cases.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.REMOVED);
    }
}
