package org.recourse.intake.internal.mailbox;

import java.time.Clock;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.Cases;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.intake.internal.cases.NewReport;
import org.recourse.intake.internal.cases.ReportValidation;
import org.recourse.intake.internal.cases.SubmittingReport;
import org.recourse.intake.internal.cases.UrlNormaliser;
import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads unread mail from the intake mailbox. Only senders on the whitelist are processed; a mail
 * from anyone else is noted once in the log (by sender domain, not address) and left unread and
 * untouched. The subject selects the action, the YAML body carries the fields. Each mail is
 * handled in its own transaction and remembered by Message-ID, so it is never handled twice.
 */
@Service
public class MailboxIntake {

    private static final Logger log = LoggerFactory.getLogger(MailboxIntake.class);

    /** What one poll did. */
    public record Poll(int processed, int ignored, int reportsCreated, int reportsRejected, int itemsUpdated) {
    }

    private final SubmittingReport submitting;
    private final Taxonomy taxonomy;
    private final Cases cases;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    MailboxIntake(SubmittingReport submitting, Taxonomy taxonomy, Cases cases, JdbcClient jdbc,
                  TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.submitting = submitting;
        this.taxonomy = taxonomy;
        this.cases = cases;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    public Poll poll(IntakeSettings.Mailbox box) throws MessagingException, IOException {
        Set<String> whitelist = box.whitelist().stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Properties properties = new Properties();
        properties.setProperty("mail." + box.protocol() + ".connectiontimeout", "10000");
        properties.setProperty("mail." + box.protocol() + ".timeout", "30000");
        Session session = Session.getInstance(properties);
        int processed = 0;
        int ignored = 0;
        int[] counts = new int[3];
        try (Store store = session.getStore(box.protocol())) {
            store.connect(box.host(), box.port(), box.username(), box.password());
            Folder folder = store.getFolder(box.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    String sender = sender(message);
                    String messageId = messageId(message);
                    if (sender == null || !whitelist.contains(sender)) {
                        if (remember(messageId, "ignored", "sender not whitelisted")) {
                            log.info("Intake mailbox: left a message from a sender not on the whitelist (domain {})",
                                    sender == null ? "unknown" : sender.substring(sender.indexOf('@') + 1));
                        }
                        ignored++;
                        continue;
                    }
                    if (alreadyHandled(messageId)) {
                        message.setFlag(Flags.Flag.SEEN, true);
                        continue;
                    }
                    handle(message, messageId, sender, counts);
                    message.setFlag(Flags.Flag.SEEN, true);
                    processed++;
                }
            } finally {
                folder.close(false);
            }
        }
        return new Poll(processed, ignored, counts[0], counts[1], counts[2]);
    }

    private void handle(Message message, String messageId, String sender, int[] counts)
            throws MessagingException, IOException {
        var subject = MailSubject.parse(message.getSubject());
        String body = text(message);
        if (subject.isEmpty()) {
            remember(messageId, "none", "unknown subject");
            log.info("Intake mailbox: message {} has a subject that selects no action", messageId);
            return;
        }
        String organisation = sender.substring(sender.indexOf('@') + 1);
        try {
            switch (subject.get().action()) {
                case NEW_REPORTS -> newReports(MailBody.reports(body, subject.get().source(), organisation), messageId, counts);
                case CONTENT_REMOVED -> contentGone(MailBody.urls(body), "removed", messageId, counts);
                case CONTENT_UNAVAILABLE -> contentGone(MailBody.urls(body), "unavailable", messageId, counts);
            }
        } catch (MailBody.Unreadable e) {
            remember(messageId, subject.get().action().name().toLowerCase(Locale.ROOT), "unreadable body: " + e.getMessage());
            log.info("Intake mailbox: message {} has a body that cannot be read ({})", messageId, e.getMessage());
        }
    }

    private void newReports(List<NewReport> reports, String messageId, int[] counts) {
        Set<String> active = taxonomy.activeForms().stream().map(ViolenceForm::code).collect(Collectors.toSet());
        transactions.executeWithoutResult(status -> {
            int created = 0;
            int rejected = 0;
            for (NewReport report : reports) {
                var outcome = ReportValidation.validate(report, active::contains);
                if (outcome.valid()) {
                    submitting.submit(outcome.report(), null, null);
                    created++;
                } else {
                    rejected++;
                }
            }
            insertHandled(messageId, "new_reports", "created=" + created + " rejected=" + rejected);
            counts[0] += created;
            counts[1] += rejected;
        });
    }

    private void contentGone(List<String> urls, String state, String messageId, int[] counts) {
        transactions.executeWithoutResult(status -> {
            int updated = 0;
            for (String url : urls) {
                String normalised;
                try {
                    normalised = UrlNormaliser.normalise(url).value();
                } catch (UrlNormaliser.InvalidUrl e) {
                    continue;
                }
                List<UUID> caseIds = jdbc.sql("""
                        update reported_item set content_state = ? where url_normalised = ? returning case_id
                        """).params(state, normalised).query(UUID.class).list();
                updated += caseIds.size();
                for (UUID caseId : caseIds) {
                    audit.record("item.content-" + state, "case", caseId.toString(), "source=mailbox");
                    if (state.equals("removed") && allRemoved(caseId)) {
                        cases.progress(caseId, CaseStatus.REMOVED);
                    }
                }
            }
            insertHandled(messageId, "content_" + state, "items=" + updated);
            counts[2] += updated;
        });
    }

    private boolean allRemoved(UUID caseId) {
        return jdbc.sql("""
                select not exists (select 1 from reported_item where case_id = ? and url_normalised is not null
                    and content_state is distinct from 'removed')
                """).param(caseId).query(Boolean.class).single();
    }

    private boolean alreadyHandled(String messageId) {
        return jdbc.sql("select exists (select 1 from mailbox_message where message_id = ? and action <> 'ignored')")
                .param(messageId).query(Boolean.class).single();
    }

    /** Notes a message that led to no change; returns whether it was new. */
    private boolean remember(String messageId, String action, String outcome) {
        return jdbc.sql("""
                insert into mailbox_message (message_id, action, outcome, processed_at) values (?, ?, ?, ?)
                on conflict do nothing
                """).params(messageId, action, outcome, Timestamp.from(Instant.now(clock))).update() == 1;
    }

    private void insertHandled(String messageId, String action, String outcome) {
        jdbc.sql("""
                insert into mailbox_message (message_id, action, outcome, processed_at) values (?, ?, ?, ?)
                on conflict (message_id) do update set action = excluded.action, outcome = excluded.outcome,
                    processed_at = excluded.processed_at
                """).params(messageId, action, outcome, Timestamp.from(Instant.now(clock))).update();
    }

    private static String sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress address) || address.getAddress() == null) {
            return null;
        }
        return address.getAddress().toLowerCase(Locale.ROOT);
    }

    private static String messageId(Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
            return ids[0].strip();
        }
        return "no-id:" + message.getMessageNumber() + ":" + message.getSentDate();
    }

    /** The first text/plain part, which carries the YAML. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
