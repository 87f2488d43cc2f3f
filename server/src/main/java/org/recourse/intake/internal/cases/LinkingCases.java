package org.recourse.intake.internal.cases;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An analyst ties two cases together (the same perpetrator, the same material); audited. */
@Service
public class LinkingCases {

    /** How a request to link ended. */
    public enum Outcome {
        LINKED,
        /** The case to link to does not exist, or is the case itself. */
        UNKNOWN_TARGET,
        /** The case being linked does not exist. */
        NO_SUCH_CASE
    }

    private final CaseRepository cases;
    private final AuditTrail audit;
    private final Clock clock;

    LinkingCases(CaseRepository cases, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param caseNumber  the case being worked on, canonical
     * @param typedTarget the number of the case to link to, as typed
     */
    @Transactional
    public Outcome link(String caseNumber, String typedTarget) {
        Optional<CaseRecord> source = cases.findByNumber(caseNumber);
        if (source.isEmpty()) {
            return Outcome.NO_SUCH_CASE;
        }
        UUID id = source.get().id();
        Optional<CaseRecord> target = CaseNumbers.parse(typedTarget).flatMap(cases::findByNumber)
                .filter(t -> !t.id().equals(id));
        if (target.isEmpty()) {
            return Outcome.UNKNOWN_TARGET;
        }
        cases.link(id, target.get().id(), "analyst", clock.instant());
        audit.record("case.linked", "case", id.toString(), "to=" + target.get().id());
        return Outcome.LINKED;
    }
}
