package org.recourse.escalation.internal.requests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.recourse.audit.AuditActor;
import org.recourse.escalation.internal.EscalationSettings;
import org.recourse.platform.OutboxSender;
import org.recourse.platform.OutboxTopic;
import org.recourse.platform.OutgoingMail;
import org.springframework.stereotype.Service;

/**
 * Delivers the enforcement requests the outbox hands it (topic {@link FilingRequests#TOPIC}): the
 * letter fixed when it was queued, with its Message-ID, from the hotline's sender address. The
 * request is filed once the authority's mail server accepts it; when the retry schedule is used up
 * it waits for a person.
 */
@Service
class MailingRequests implements OutboxSender {

    private final TrackingRequests tracking;
    private final OutgoingMail mail;
    private final EscalationSettings settings;

    MailingRequests(TrackingRequests tracking, OutgoingMail mail, EscalationSettings settings) {
        this.tracking = tracking;
        this.mail = mail;
        this.settings = settings;
    }

    @Override
    public OutboxTopic topic() {
        return FilingRequests.TOPIC;
    }

    @Override
    public String deliver(UUID requestId) throws Exception {
        TrackingRequests.Filing filing = tracking.filing(requestId).orElseThrow();
        TrackingRequests.Request request = tracking.find(requestId).orElseThrow();
        MimeMessage message = mail.message(filing.messageId());
        message.setFrom(new InternetAddress(settings.sender().email(), settings.sender().name(), StandardCharsets.UTF_8.name()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(filing.address(), true));
        message.setSubject(filing.subject(), StandardCharsets.UTF_8.name());
        message.setText(filing.body(), StandardCharsets.UTF_8.name());
        message.setHeader("X-Recourse-Reference", request.reference());
        message.setHeader("Content-Language", tracking.language(requestId));
        mail.send(message);
        return null;
    }

    @Override
    public void delivered(UUID requestId, String externalReference, Instant at) {
        AuditActor.runAs("system:outbox", () -> tracking.filedByEmail(requestId, at));
    }

    @Override
    public void failed(UUID requestId, String reason, boolean gaveUp, Instant retryAt) {
        if (gaveUp) {
            AuditActor.runAs("system:outbox", () -> tracking.sendingFailed(requestId, reason));
        }
    }

}
