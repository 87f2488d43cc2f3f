package org.recourse.assessment.internal.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.recourse.assessment.ReferralMade;
import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.directory.OrganisationKind;
import org.recourse.intake.Cases;
import org.recourse.platform.Outbox;
import org.recourse.platform.OutboxTopic;
import org.recourse.platform.TimeOrderedIds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refers a victim to an organisation that helps (or to the police) as a hand-off, not a phone
 * number: with her recorded consent to what may be shared, a minimal summary mailed through the
 * outbox (or a phone hand-off the analyst records), and a follow-up until the organisation
 * answers. Her withdrawal of consent stops what has not gone out and says what had.
 */
@Service
public class HandingOff {

    public static final OutboxTopic TOPIC = new OutboxTopic("assessment.referral");
    /** Who may receive a hand-off. */
    static final Set<OrganisationKind> RECEIVERS = EnumSet.of(OrganisationKind.HELP, OrganisationKind.POLICE);

    private final HandOffs handOffs;
    private final Directory directory;
    private final Cases cases;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final HandOffSettings settings;
    private final Clock clock;

    HandingOff(HandOffs handOffs, Directory directory, Cases cases, Outbox outbox, AuditTrail audit, ApplicationEventPublisher events,
               HandOffSettings settings, Clock clock) {
        this.handOffs = handOffs;
        this.directory = directory;
        this.cases = cases;
        this.outbox = outbox;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new hand-off as an analyst asks for it. */
    public record Request(UUID caseId, String organisationKey, HandOffChannel channel, Set<SharedItem> consentScope,
                          ConsentHow consentHow, String analyst) {
    }

    /** Why a hand-off was not made, for the page in the analyst's language. */
    public enum Refusal {
        NO_CASE, UNKNOWN_ORGANISATION, NOT_A_RECEIVER, NO_CONSENT, NO_EMAIL_ADDRESS, NO_PHONE, NO_CHANNEL, CASE_CLOSED_TO_REFERRALS
    }

    public sealed interface Result permits Made, Refused {
    }

    public record Made(HandOff handOff) implements Result {
    }

    public record Refused(Refusal refusal) implements Result {
    }

    @Transactional
    public Result handOff(Request request) {
        var view = cases.find(request.caseId());
        if (view.isEmpty()) {
            return new Refused(Refusal.NO_CASE);
        }
        if (view.get().status() == org.recourse.intake.CaseStatus.WITHDRAWN) {
            return new Refused(Refusal.CASE_CLOSED_TO_REFERRALS);
        }
        Optional<Organisation> found = directory.findByKey(request.organisationKey() == null ? "" : request.organisationKey());
        if (found.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_ORGANISATION);
        }
        Organisation organisation = found.get();
        if (!RECEIVERS.contains(organisation.kind())) {
            return new Refused(Refusal.NOT_A_RECEIVER);
        }
        if (request.consentScope() == null || request.consentScope().isEmpty() || request.consentHow() == null) {
            return new Refused(Refusal.NO_CONSENT);
        }
        boolean hasEmail = present(organisation.noticeEmail());
        boolean hasPhone = present(organisation.phone());
        if (!hasEmail && !hasPhone) {
            return new Refused(Refusal.NO_CHANNEL);
        }
        if (request.channel() == HandOffChannel.EMAIL && !hasEmail) {
            return new Refused(Refusal.NO_EMAIL_ADDRESS);
        }
        if (request.channel() == HandOffChannel.PHONE && !hasPhone) {
            return new Refused(Refusal.NO_PHONE);
        }
        Instant now = clock.instant();
        UUID id = TimeOrderedIds.next();
        boolean mailed = request.channel() == HandOffChannel.EMAIL;
        HandOff handOff = new HandOff(id, request.caseId(), organisation.kind() == OrganisationKind.POLICE ? "police" : "help",
                organisation.key(), mailed ? HandOffStatus.QUEUED : HandOffStatus.DELIVERED,
                List.copyOf(EnumSet.copyOf(request.consentScope())), request.consentHow(), request.channel(),
                mailed ? organisation.noticeEmail() : organisation.phone(),
                mailed ? "<referral-" + id + "@" + settings.messageIdDomain() + ">" : null, request.analyst(), now,
                mailed ? null : now, now.plus(settings.followUpAfter()), null, null, null, null);
        handOffs.insert(handOff);
        if (mailed) {
            outbox.enqueue(TOPIC, id, now);
        }
        audit.record(mailed ? "referral.queued" : "referral.phoned", "case", request.caseId().toString(),
                "to=" + organisation.key() + " shares=" + String.join(",", handOff.consentScope().stream().map(SharedItem::code).toList())
                        + " consent=" + request.consentHow().code());
        events.publishEvent(new ReferralMade(request.caseId(), handOff.kind(), organisation.key(), false, now));
        cases.newsForReporter(request.caseId());
        return new Made(handOff);
    }

    /** The organisation's answer (or its silence after the follow-up time), as an analyst records it. */
    @Transactional
    public boolean recordOutcome(UUID handOffId, HandOffStatus outcome, String analyst) {
        if (!outcome.isOutcome()) {
            throw new IllegalArgumentException("not an outcome: " + outcome);
        }
        Optional<HandOff> handOff = handOffs.find(handOffId);
        if (handOff.isEmpty() || !handOffs.move(handOffId, List.of(HandOffStatus.DELIVERED), outcome, clock.instant(), analyst)) {
            return false;
        }
        audit.record("referral.outcome-recorded", "case", handOff.get().caseId().toString(),
                "to=" + handOff.get().organisation() + " outcome=" + outcome.code());
        events.publishEvent(new org.recourse.assessment.ReferralAnswered(handOff.get().caseId(), handOff.get().kind(),
                handOff.get().organisation(), handOff.get().referredAt(), outcome.code(), clock.instant()));
        cases.newsForReporter(handOff.get().caseId());
        return true;
    }

    /** What withdrawing consent did: referrals stopped before anything went out, and those already delivered or on their way. */
    public record Withdrawal(List<HandOff> stopped, List<HandOff> alreadyDelivered) {
    }

    /**
     * The victim withdraws her consent (on her status page, or through the hotline, which records
     * her request): hand-offs not yet delivered are stopped; those already delivered are named, so
     * she knows whom to ask to delete what they received.
     *
     * @param via {@code status-page} or {@code hotline:<analyst>}
     */
    @Transactional
    public Withdrawal withdrawConsent(UUID caseId, String via) {
        Instant now = clock.instant();
        List<HandOff> stopped = new ArrayList<>();
        List<HandOff> delivered = new ArrayList<>();
        for (HandOff h : handOffs.forCase(caseId)) {
            if (h.consentRevokedAt() != null) {
                continue;
            }
            if (h.status() == HandOffStatus.QUEUED && handOffs.move(h.id(), List.of(HandOffStatus.QUEUED), HandOffStatus.WITHDRAWN, now, via)) {
                stopped.add(h);
            } else if (h.status() != HandOffStatus.WITHDRAWN && h.status() != HandOffStatus.FAILED) {
                delivered.add(h);
            }
        }
        handOffs.consentRevoked(caseId, now, via);
        if (!stopped.isEmpty() || !delivered.isEmpty()) {
            audit.record("referral.consent-withdrawn", "case", caseId.toString(),
                    "via=" + via + " stopped=" + stopped.size() + " delivered-before=" + delivered.size());
        }
        return new Withdrawal(stopped, delivered);
    }

    public Optional<HandOff> find(UUID handOffId) {
        return handOffs.find(handOffId);
    }

    public List<HandOff> forCase(UUID caseId) {
        return handOffs.forCase(caseId);
    }

    /** Organisations a hand-off can go to, with the channels the directory knows for them. */
    public List<Organisation> receivers() {
        return directory.all().stream().filter(o -> RECEIVERS.contains(o.kind()))
                .filter(o -> present(o.noticeEmail()) || present(o.phone())).toList();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
