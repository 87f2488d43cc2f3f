package org.recourse.escalation.internal.candidates;

import java.util.List;

import org.recourse.audit.AuditTrail;
import org.recourse.escalation.Candidate;
import org.recourse.escalation.EscalationCandidates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the escalation page shows: the candidates and the refusals still online; the view is audited. */
@Service
public class EscalationOverview {

    public record Overview(List<Candidate> candidates, List<DisputingRefusals.Refusal> refusals) {
    }

    private final EscalationCandidates candidates;
    private final DisputingRefusals refusals;
    private final AuditTrail audit;

    EscalationOverview(EscalationCandidates candidates, DisputingRefusals refusals, AuditTrail audit) {
        this.candidates = candidates;
        this.refusals = refusals;
        this.audit = audit;
    }

    @Transactional
    public Overview show() {
        Overview overview = new Overview(candidates.candidates(), refusals.open());
        audit.record("escalation.candidates-viewed", "escalation", "candidates",
                overview.candidates().size() + " candidates, " + overview.refusals().size() + " refusals");
        return overview;
    }
}
