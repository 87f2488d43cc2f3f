package org.recourse.assessment.internal.referrals;

import org.recourse.audit.AuditActor;
import org.recourse.intake.CaseDataRemoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A withdrawn case, or one whose retention ended, withdraws the consent to its referrals: nothing more goes out. */
@Component
class StoppingHandOffsOfRemovedCases {

    private final HandingOff handingOff;

    StoppingHandOffsOfRemovedCases(HandingOff handingOff) {
        this.handingOff = handingOff;
    }

    @ApplicationModuleListener
    void on(CaseDataRemoved removed) {
        AuditActor.runAs("system:assessment", () -> handingOff.withdrawConsent(removed.caseId(),
                removed.reason() == CaseDataRemoved.Reason.WITHDRAWN ? "case-withdrawn" : "retention-ended"));
    }
}
