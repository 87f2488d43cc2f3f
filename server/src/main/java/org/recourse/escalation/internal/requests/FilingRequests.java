package org.recourse.escalation.internal.requests;

import java.time.Clock;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.escalation.RequestState;
import org.recourse.escalation.internal.EscalationSettings;
import org.recourse.platform.Outbox;
import org.recourse.platform.OutboxTopic;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files an approved enforcement request by e-mail: fixes its letter and queues it in the platform
 * outbox (topic {@link #TOPIC}) in one transaction, so every attempt sends the same text with the
 * same Message-ID ({@link MailingRequests} delivers it). An authority without an e-mail address in
 * the directory cannot be mailed: its web form is used and the submission recorded instead.
 */
@Service
public class FilingRequests {

    public static final OutboxTopic TOPIC = new OutboxTopic("escalation.request");

    private final TrackingRequests tracking;
    private final RequestLetters letters;
    private final Directory directory;
    private final EscalationSettings settings;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    FilingRequests(TrackingRequests tracking, RequestLetters letters, Directory directory, EscalationSettings settings,
                   Outbox outbox, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.audit = audit;
        this.tracking = tracking;
        this.letters = letters;
        this.directory = directory;
        this.settings = settings;
    }

    /** The authority's e-mail address for requests, when the directory has a usable one. */
    public java.util.Optional<String> emailOf(String authorityKey) {
        return directory.findByKey(authorityKey).map(Organisation::noticeEmail).filter(FilingRequests::usable);
    }

    /**
     * Queues an approved request to be mailed to its authority.
     *
     * @return false when it was already queued (a second press changes nothing)
     * @throws RequestRefused {@code escalation.request.no-email} when the authority has no e-mail address,
     *                        {@code escalation.request.wrong-state} unless approved
     */
    @Transactional
    public boolean fileByEmail(UUID id) {
        TrackingRequests.Request request = tracking.find(id).orElseThrow(() -> new RequestRefused("escalation.request.unknown"));
        if (request.state() != RequestState.APPROVED) {
            throw new RequestRefused("escalation.request.wrong-state");
        }
        String address = emailOf(request.authorityKey()).orElseThrow(() -> new RequestRefused("escalation.request.no-email"));
        RequestLetters.Letter letter = letters.letter(request, language(id));
        String messageId = "<" + request.reference().toLowerCase(java.util.Locale.ROOT) + "." + id + "@"
                + settings.sender().messageIdDomain() + ">";
        if (!tracking.fixLetter(id, address, letter.subject(), letter.body(), messageId)) {
            return false;
        }
        outbox.enqueue(TOPIC, id, clock.instant());
        return true;
    }

    /**
     * Sends a request whose e-mail failed again now (the retry schedule starts afresh).
     *
     * @return false when it is already being sent, was sent, or someone else just pressed it
     */
    public boolean resend(UUID id) {
        boolean resent = outbox.sendNow(TOPIC, id);
        if (resent) {
            audit.record("escalation.request-resent", "escalation_request", id.toString(), null);
        }
        return resent;
    }

    private String language(UUID id) {
        return tracking.language(id);
    }

    private static boolean usable(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            new InternetAddress(address.strip(), true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
