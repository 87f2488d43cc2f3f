package org.recourse.matching.internal.bank;

import org.recourse.audit.AuditActor;
import org.recourse.intake.CaseDataRemoved;
import org.recourse.matching.HashBanks;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A withdrawn case, or one whose retention ended, leaves the banks: its entries are removed, their
 * signals erased, and the removal reaches every index and the partners' feed.
 */
@Component
class RemovingCaseEntries {

    private final HashBanks banks;

    RemovingCaseEntries(HashBanks banks) {
        this.banks = banks;
    }

    @ApplicationModuleListener
    void on(CaseDataRemoved removed) {
        HashBanks.RemovalReason reason = removed.reason() == CaseDataRemoved.Reason.WITHDRAWN
                ? HashBanks.RemovalReason.WITHDRAWAL : HashBanks.RemovalReason.RETENTION;
        AuditActor.runAs("system:matching", () -> banks.removeForCase(removed.caseId(), reason));
    }
}
