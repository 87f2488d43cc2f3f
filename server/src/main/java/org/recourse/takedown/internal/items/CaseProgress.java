package org.recourse.takedown.internal.items;

import java.util.Set;
import java.util.UUID;

import org.recourse.intake.CaseStatus;
import org.recourse.intake.Cases;
import org.springframework.stereotype.Component;

/**
 * What the reporter's status page says as notice and action goes on. The page follows the chain
 * forwards only: a later step for one item never takes a case back to an earlier one it had
 * passed for another (a re-notice does not turn "partly removed" into "request sent").
 */
@Component
public class CaseProgress {

    private static final Set<CaseStatus> BEFORE_DECISION = Set.of(CaseStatus.RECEIVED, CaseStatus.BEING_ASSESSED);
    private static final Set<CaseStatus> BEFORE_NOTICE = Set.of(CaseStatus.RECEIVED, CaseStatus.BEING_ASSESSED,
            CaseStatus.DECISION_TAKEN);
    private static final Set<CaseStatus> BEFORE_PARTLY_REMOVED = Set.of(CaseStatus.RECEIVED, CaseStatus.BEING_ASSESSED,
            CaseStatus.DECISION_TAKEN, CaseStatus.NOTICES_SENT);

    private final Cases cases;

    CaseProgress(Cases cases) {
        this.cases = cases;
    }

    /** A take-down was decided: "decision taken, request being prepared" until a notice goes out. */
    public void decisionTaken(UUID caseId) {
        move(caseId, BEFORE_DECISION, CaseStatus.DECISION_TAKEN);
    }

    /** A notice reached its recipient: "we asked the platform to remove it". */
    public void noticeSent(UUID caseId) {
        move(caseId, BEFORE_NOTICE, CaseStatus.NOTICES_SENT);
    }

    /** An item went offline while others are still watched. */
    public void partlyRemoved(UUID caseId) {
        move(caseId, BEFORE_PARTLY_REMOVED, CaseStatus.PARTLY_REMOVED);
    }

    /** Every item of the case is offline: "the platform removed it". */
    public void removed(UUID caseId) {
        cases.progress(caseId, CaseStatus.REMOVED);
    }

    private void move(UUID caseId, Set<CaseStatus> from, CaseStatus to) {
        cases.find(caseId).filter(c -> from.contains(c.status())).ifPresent(c -> cases.progress(caseId, to));
    }
}
