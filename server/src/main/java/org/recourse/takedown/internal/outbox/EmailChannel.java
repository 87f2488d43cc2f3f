package org.recourse.takedown.internal.outbox;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.recourse.takedown.internal.TakedownSettings;
import org.recourse.platform.OutgoingMail;
import org.springframework.stereotype.Component;

/** Plain-text notice e-mail carrying the Message-ID recorded on the notice, so replies can be matched to it. */
@Component
class EmailChannel implements NoticeChannel {

    private final OutgoingMail mail;
    private final TakedownSettings settings;

    EmailChannel(OutgoingMail mail, TakedownSettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    @Override
    public String code() {
        return "email";
    }

    @Override
    public String deliver(OutgoingNotice notice) throws MessagingException {
        mail.send(message(notice));
        return null;
    }

    /** The notice as the recipient receives it: plain text, with the Message-ID recorded on the notice. */
    MimeMessage message(OutgoingNotice notice) throws MessagingException {
        MimeMessage message = mail.message(notice.messageId());
        message.setFrom(new InternetAddress(settings.notifier().email(), true));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(notice.address(), true));
        message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
        message.setText(notice.body(), StandardCharsets.UTF_8.name());
        message.setHeader("X-Recourse-Reference", notice.reference());
        message.setHeader("Content-Language", notice.language());
        return message;
    }
}
