package org.recourse.assessment.internal.referrals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.platform.OutboxSender;
import org.recourse.platform.OutboxTopic;
import org.recourse.platform.OutgoingMail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Mails a hand-off's referral summary: only what the victim's consent covers, never an image or a
 * reported address, in the organisation's language (Dutch unless it reads only English), with the
 * case number as the reference to answer with. A hand-off whose consent was withdrawn before its
 * attempt began is not sent, nor retried when consent is withdrawn while an attempt fails.
 */
@Service
class MailingHandOffs implements OutboxSender {

    private final HandOffs handOffs;
    private final Cases cases;
    private final Directory directory;
    private final ReferralSummaries summaries;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final HandOffSettings settings;

    MailingHandOffs(HandOffs handOffs, Cases cases, Directory directory, ReferralSummaries summaries, OutgoingMail mail,
                    MessageSource messages, HandOffSettings settings) {
        this.handOffs = handOffs;
        this.cases = cases;
        this.directory = directory;
        this.summaries = summaries;
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
    }

    @Override
    public OutboxTopic topic() {
        return HandingOff.TOPIC;
    }

    @Override
    public String deliver(UUID handOffId) throws Exception {
        // Claimed before anything is read, so a withdrawal either stops it here or knows it is on its way.
        if (!handOffs.startSending(handOffId)) {
            // Left 'sending' by a node that died mid-attempt after consent was withdrawn: it stops here.
            handOffs.sendingFailed(handOffId, false);
            return "not sent: " + handOffs.find(handOffId).map(h -> h.status().code()).orElse("gone");
        }
        HandOff handOff = handOffs.find(handOffId).orElseThrow();
        Organisation organisation = directory.findByKey(handOff.organisation()).orElseThrow();
        Locale locale = ReferralSummaries.languageOf(organisation);
        CaseView view = cases.find(handOff.caseId()).orElseThrow();
        MimeMessage message = mail.message(handOff.messageId());
        message.setFrom(new InternetAddress(settings.senderEmail(), settings.senderName(), StandardCharsets.UTF_8.name()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(handOff.address(), true));
        message.setSubject(messages.getMessage("assessment.handoff.mail.subject", new Object[] {settings.senderName(), view.caseNumber()}, locale),
                StandardCharsets.UTF_8.name());
        message.setText(summaries.text(handOff, view, locale), StandardCharsets.UTF_8.name());
        message.setHeader("X-Recourse-Reference", view.caseNumber());
        message.setHeader("Content-Language", locale.getLanguage());
        mail.send(message);
        return null;
    }

    @Override
    public void delivered(UUID handOffId, String externalReference, Instant at) {
        handOffs.delivered(handOffId, at, settings.followUpAfter());
    }

    @Override
    public void failed(UUID handOffId, String reason, boolean gaveUp, Instant retryAt) {
        handOffs.sendingFailed(handOffId, gaveUp);
    }
}
