package org.recourse.intake.internal.api;

import org.recourse.intake.PartnerKeys;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.internal.cases.GroupCommit;
import org.recourse.intake.internal.cases.Submission;
import org.recourse.intake.internal.cases.Submitted;
import org.recourse.intake.internal.cases.ValidatedReport;
import org.springframework.stereotype.Service;

/**
 * A partner's report and its idempotency key commit together, in a transaction shared with the
 * other reports arriving at the same moment ({@link GroupCommit}). If the key was already claimed
 * — by an earlier request or a concurrent one that committed first — nothing of this request is
 * written and the caller answers with the first request's case.
 */
@Service
class SubmittingPartnerReport {

    static final class KeyAlreadyUsed extends RuntimeException {
        KeyAlreadyUsed() {
            super("idempotency key already used", null, false, false);
        }
    }

    private final GroupCommit writer;
    private final AuditTrail audit;

    SubmittingPartnerReport(GroupCommit writer, AuditTrail audit) {
        this.writer = writer;
        this.audit = audit;
    }

    /**
     * @param deadlineNanos by when a writer must have taken the report ({@link System#nanoTime()})
     * @throws GroupCommit.Busy if none did: nothing was written
     */
    Submitted submit(ValidatedReport report, PartnerKeys.PartnerKey caller, String idempotencyKey, String requestHash,
                     long deadlineNanos) {
        var claim = idempotencyKey == null ? null
                : new Submission.IdempotencyClaim(caller.keyId(), idempotencyKey, requestHash);
        return writer.submit(new Submission(report, null, null, audit.currentSource(), claim), deadlineNanos)
                .orElseThrow(KeyAlreadyUsed::new);
    }
}
