package org.recourse.platform;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The one SMTP connection for everything the system mails (notices, enforcement requests, and
 * later referrals and victim updates), configured under {@code recourse.mail}. Senders build a
 * message with {@link #message} — it keeps the Message-ID chosen when the thing was queued, so a
 * retry after a crash is recognisable as the same message — and hand it to {@link #send} from
 * their {@link OutboxSender}.
 */
public interface OutgoingMail {

    /** A new message that carries {@code messageId} on every attempt. */
    MimeMessage message(String messageId);

    void send(MimeMessage message);

    /** Keeps the Message-ID chosen when the message was queued instead of generating a new one per attempt. */
    final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        public FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
