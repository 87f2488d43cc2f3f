package org.recourse.escalation.internal.requests;

import java.util.List;
import java.util.Optional;

import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.platform.Outbox;
import org.recourse.platform.OutboxEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the request pages show: the list of requests, and one request with its items, its dated
 * entries, the letter (as it will go out, or as it went out once filed by e-mail), how it can be
 * filed and how sending went. Viewing a request is audited.
 */
@Service
public class ShowingRequests {

    /**
     * @param letter        the letter, or null when it cannot be written ({@code letterProblem} says why)
     * @param letterFixed   the letter is the one queued or sent, no longer a preview
     * @param authorityEmail where an e-mail filing goes, or null (then the web form is the way)
     * @param sending       the outbox's record of the e-mail, once queued
     */
    public record Details(TrackingRequests.Request request, String platformName, String authorityName, String authorityWebsite,
                          List<TrackingRequests.Item> items, List<RequestEntries.Entry> entries, RequestLetters.Letter letter,
                          String letterProblem, boolean letterFixed, String authorityEmail, OutboxEntry sending) {
    }

    private final TrackingRequests tracking;
    private final RequestEntries entries;
    private final RequestLetters letters;
    private final FilingRequests filing;
    private final Directory directory;
    private final Outbox outbox;
    private final AuditTrail audit;

    ShowingRequests(TrackingRequests tracking, RequestEntries entries, RequestLetters letters, FilingRequests filing,
                    Directory directory, Outbox outbox, AuditTrail audit) {
        this.tracking = tracking;
        this.entries = entries;
        this.letters = letters;
        this.filing = filing;
        this.directory = directory;
        this.outbox = outbox;
        this.audit = audit;
    }

    public List<TrackingRequests.Listed> list() {
        return tracking.all();
    }

    @Transactional
    public Optional<Details> show(String reference) {
        return tracking.findByReference(reference).map(request -> {
            Optional<TrackingRequests.Filing> fixed = tracking.filing(request.id());
            RequestLetters.Letter letter = null;
            String problem = null;
            if (fixed.isPresent()) {
                letter = new RequestLetters.Letter(fixed.get().subject(), fixed.get().body());
            } else {
                try {
                    letter = letters.letter(request, tracking.language(request.id()));
                } catch (RequestRefused refused) {
                    problem = refused.messageKey();
                }
            }
            Optional<Organisation> authority = directory.findByKey(request.authorityKey());
            audit.record("escalation.request-viewed", "escalation_request", request.id().toString(), request.reference());
            return new Details(request, directory.findByKey(request.platformKey()).map(Organisation::name).orElse(request.platformKey()),
                    authority.map(Organisation::name).orElse(request.authorityKey()),
                    authority.map(Organisation::noticeForm).filter(f -> f != null && !f.isBlank())
                            .or(() -> authority.map(Organisation::website)).orElse(null),
                    tracking.items(request.id()), entries.of(request.id()), letter, problem, fixed.isPresent(),
                    filing.emailOf(request.authorityKey()).orElse(null), outbox.find(FilingRequests.TOPIC, request.id()).orElse(null));
        });
    }
}
