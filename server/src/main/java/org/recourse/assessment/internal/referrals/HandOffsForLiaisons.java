package org.recourse.assessment.internal.referrals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.intake.Cases;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The liaison portal for help organisations: a contact of the organisation sees the referrals
 * made to it, reads the summary (only what the victim agreed to share, and nothing once she
 * withdrew her consent) and records its answer itself. Every opened summary is audited.
 */
@Service
public class HandOffsForLiaisons {

    /** A referral as the organisation reads it; {@code summary} is null once her consent was withdrawn. */
    public record Opened(HandOff handOff, String caseNumber, String summary) {
    }

    private final HandOffs handOffs;
    private final HandingOff handingOff;
    private final ReferralSummaries summaries;
    private final Directory directory;
    private final Cases cases;
    private final AuditTrail audit;

    HandOffsForLiaisons(HandOffs handOffs, HandingOff handingOff, ReferralSummaries summaries, Directory directory, Cases cases,
                        AuditTrail audit) {
        this.handOffs = handOffs;
        this.handingOff = handingOff;
        this.summaries = summaries;
        this.directory = directory;
        this.cases = cases;
        this.audit = audit;
    }

    public Optional<Organisation> organisation(String key) {
        return key == null || key.isBlank() ? Optional.empty() : directory.findByKey(key.strip())
                .filter(o -> HandingOff.RECEIVERS.contains(o.kind()));
    }

    /** Referrals that reached the organisation (delivered or answered), newest first. */
    public List<HandOff> addressedTo(Organisation organisation) {
        return handOffs.reached(organisation.key());
    }

    @Transactional
    public Optional<Opened> open(UUID id, Organisation organisation) {
        Optional<HandOff> found = handOffs.find(id).filter(h -> h.organisation().equals(organisation.key()))
                .filter(h -> h.deliveredAt() != null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HandOff h = found.get();
        var view = cases.find(h.caseId()).orElseThrow();
        String summary = h.consentRevokedAt() != null ? null : summaries.text(h, view, ReferralSummaries.languageOf(organisation));
        audit.record("referral.viewed", "case", h.caseId().toString(), "by-organisation=" + organisation.key());
        return Optional.of(new Opened(h, view.caseNumber(), summary));
    }

    /** The organisation's own answer; false when it is not theirs or not waiting for one. */
    @Transactional
    public boolean answer(UUID id, Organisation organisation, HandOffStatus outcome, String liaison) {
        if (handOffs.find(id).filter(h -> h.organisation().equals(organisation.key())).isEmpty() || outcome == HandOffStatus.NO_RESPONSE) {
            return false;
        }
        return handingOff.recordOutcome(id, outcome, liaison);
    }
}
