package org.recourse.takedown.internal.responses;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.recourse.takedown.internal.TakedownSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads recipients' replies from the notice mailbox over IMAP and records each as the notice's
 * acknowledgement (DSA art. 16(4)), with the reply text for the analyst who records the decision.
 * A reply is matched by In-Reply-To or References (our Message-ID), else by the reference in the
 * subject. A delivery status report (RFC 3464) about a notice marks it bounced instead, with the
 * report's status and diagnostic in words. Unmatched mail is left unread for a person to look at.
 */
@Service
public class ReadingReplies {

    private static final Pattern REFERENCE = Pattern.compile("\\bTD-[A-Z2-9]{10}\\b");
    private static final int MAX_TEXT = 10_000;

    private final RecordingResponses responses;
    private final RecordingBounces bounces;
    private final JdbcClient jdbc;
    private final TakedownSettings settings;
    private final Clock clock;

    ReadingReplies(RecordingResponses responses, RecordingBounces bounces, JdbcClient jdbc, TakedownSettings settings, Clock clock) {
        this.responses = responses;
        this.bounces = bounces;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many replies were recorded */
    public int poll() throws MessagingException, IOException {
        TakedownSettings.Replies box = settings.replies();
        Properties properties = new Properties();
        properties.setProperty("mail." + box.protocol() + ".connectiontimeout", "10000");
        properties.setProperty("mail." + box.protocol() + ".timeout", "30000");
        int recorded = 0;
        try (Store store = Session.getInstance(properties).getStore(box.protocol())) {
            store.connect(box.host(), box.port(), box.username(), box.password());
            try (Folder folder = store.getFolder(box.folder())) {
                folder.open(Folder.READ_WRITE);
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    Optional<DeliveryStatusReports.Bounce> bounce = DeliveryStatusReports.bounce((MimeMessage) message);
                    if (bounce.isPresent()) {
                        Optional<UUID> bounced = bounced(bounce.get(), (MimeMessage) message);
                        bounced.ifPresent(id -> bounces.record(id, bounce.get().reason(), clock.instant()));
                        message.setFlag(Flags.Flag.SEEN, bounced.isPresent());
                        continue;
                    }
                    Optional<UUID> notice = match((MimeMessage) message);
                    if (notice.isEmpty()) {
                        message.setFlag(Flags.Flag.SEEN, false);
                        continue;
                    }
                    Instant received = message.getReceivedDate() == null ? clock.instant() : message.getReceivedDate().toInstant();
                    String messageId = ((MimeMessage) message).getMessageID();
                    if (responses.record(notice.get(), new RecordingResponses.Response("acknowledgement", null, text(message),
                            "email", messageId == null ? "no-id:" + UUID.randomUUID() : messageId, received, "system:takedown-replies"))) {
                        recorded++;
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            }
        }
        return recorded;
    }

    /** The notice a bounce returns: by the returned Message-ID, the returned reference, or else as a reply would be matched. */
    private Optional<UUID> bounced(DeliveryStatusReports.Bounce bounce, MimeMessage report) throws MessagingException {
        if (bounce.originalMessageId() != null) {
            Optional<UUID> notice = jdbc.sql("select id from takedown_notice where message_id = ?").param(bounce.originalMessageId().strip())
                    .query(UUID.class).optional();
            if (notice.isPresent()) {
                return notice;
            }
        }
        if (bounce.reference() != null) {
            Optional<UUID> notice = responses.notice(bounce.reference().strip());
            if (notice.isPresent()) {
                return notice;
            }
        }
        return match(report);
    }

    Optional<UUID> match(MimeMessage message) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String value : values) {
                    Matcher id = Pattern.compile("<[^>]+>").matcher(value);
                    while (id.find()) {
                        ids.add(id.group());
                    }
                }
            }
        }
        for (String id : ids) {
            Optional<UUID> notice = jdbc.sql("select id from takedown_notice where message_id = ?").param(id).query(UUID.class).optional();
            if (notice.isPresent()) {
                return notice;
            }
        }
        Matcher reference = REFERENCE.matcher(message.getSubject() == null ? "" : message.getSubject());
        return reference.find() ? responses.notice(reference.group()) : Optional.empty();
    }

    static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            String text = String.valueOf(part.getContent());
            return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String text = text(parts.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
