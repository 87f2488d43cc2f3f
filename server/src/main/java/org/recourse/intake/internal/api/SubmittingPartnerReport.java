package org.recourse.intake.internal.api;

import org.recourse.intake.internal.cases.Submitted;
import org.recourse.intake.internal.cases.SubmittingReport;
import org.recourse.intake.internal.cases.ValidatedReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's report and its idempotency key commit together: if a concurrent request with the
 * same key won, this one rolls back and the caller answers with the winner's case.
 */
@Service
class SubmittingPartnerReport {

    static final class KeyAlreadyUsed extends RuntimeException {
        KeyAlreadyUsed() {
            super("idempotency key already used", null, false, false);
        }
    }

    private final SubmittingReport submitting;
    private final Idempotency idempotency;

    SubmittingPartnerReport(SubmittingReport submitting, Idempotency idempotency) {
        this.submitting = submitting;
        this.idempotency = idempotency;
    }

    @Transactional
    Submitted submit(ValidatedReport report, ApiKeys.Caller caller, String idempotencyKey, String requestHash) {
        Submitted submitted = submitting.submit(report, null, null);
        if (idempotencyKey != null
                && !idempotency.claim(caller.keyId(), idempotencyKey, requestHash, submitted.caseId(), submitted.receivedAt())) {
            throw new KeyAlreadyUsed();
        }
        return submitted;
    }
}
