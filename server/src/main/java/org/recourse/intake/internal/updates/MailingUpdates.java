package org.recourse.intake.internal.updates;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.recourse.platform.OutboxSender;
import org.recourse.platform.OutboxTopic;
import org.recourse.platform.OutgoingMail;
import org.recourse.platform.PublicUrls;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Mails the updates {@link TellingReporters} queued: a few lines, Dutch then English (the form
 * does not record a language), that there is news and where to read it — no case number, no
 * details, nothing that says more to someone else reading her mail — and a link to stop them.
 * An update the reporter no longer wants by the time it is due is not sent.
 */
@Service
class MailingUpdates implements OutboxSender {

    private final UpdateDeliveries telling;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final VictimUpdateSettings settings;

    MailingUpdates(UpdateDeliveries telling, OutgoingMail mail, MessageSource messages, PublicUrls urls, VictimUpdateSettings settings) {
        this.telling = telling;
        this.mail = mail;
        this.messages = messages;
        this.urls = urls;
        this.settings = settings;
    }

    @Override
    public OutboxTopic topic() {
        return TellingReporters.TOPIC;
    }

    @Override
    public String deliver(UUID updateId) throws Exception {
        Optional<UpdateDeliveries.Due> due = telling.due(updateId);
        if (due.isEmpty()) {
            return "not sent: no longer wanted";
        }
        String statusPage = urls.base() + "/status";
        String stop = urls.base() + "/status/updates/stop?t=" + due.get().stopToken();
        Locale dutch = Locale.forLanguageTag("nl");
        MimeMessage message = mail.message(due.get().messageId());
        message.setFrom(new InternetAddress(settings.senderEmail(), settings.senderName(), StandardCharsets.UTF_8.name()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(due.get().address(), true));
        message.setSubject(messages.getMessage("intake.updates.mail.subject", null, dutch) + " / "
                + messages.getMessage("intake.updates.mail.subject", null, Locale.ENGLISH), StandardCharsets.UTF_8.name());
        message.setText(body(dutch, statusPage, stop) + "\n\n---\n\n" + body(Locale.ENGLISH, statusPage, stop), StandardCharsets.UTF_8.name());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("List-Unsubscribe", "<" + stop + ">");
        mail.send(message);
        return null;
    }

    private String body(Locale locale, String statusPage, String stop) {
        return messages.getMessage("intake.updates.mail.body", new Object[] {settings.senderName(), statusPage, stop}, locale);
    }

    @Override
    public void delivered(UUID updateId, String externalReference, Instant at) {
        telling.sent(updateId, at);
    }

    @Override
    public void failed(UUID updateId, String reason, boolean gaveUp, Instant retryAt) {
        // Retried by the outbox's schedule; a reporter's update that failed for good waits on the dashboard's outbox list.
    }
}
