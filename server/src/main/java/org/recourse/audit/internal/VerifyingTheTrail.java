package org.recourse.audit.internal;

import org.recourse.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person checks the hash chain from the audit page; that the check was made, and its result, go on the trail too. */
@Service
class VerifyingTheTrail {

    private final AuditVerifier verifier;
    private final AuditTrail audit;

    VerifyingTheTrail(AuditVerifier verifier, AuditTrail audit) {
        this.verifier = verifier;
        this.audit = audit;
    }

    @Transactional
    AuditVerifier.Result verify() {
        AuditVerifier.Result result = verifier.verify();
        audit.record("audit.verified", "audit_log", null, result.intact() ? "intact" : "broken");
        return result;
    }
}
