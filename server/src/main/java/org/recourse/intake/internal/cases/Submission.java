package org.recourse.intake.internal.cases;

import java.util.UUID;

import org.recourse.audit.AuditSource;

/**
 * A validated report on its way to becoming a case.
 *
 * @param secret     the reporter's secret, handed back once for display (never stored), or null
 * @param secretHash its slow hash, made before the transaction, or null for channels without sign-in
 * @param source     who submitted it and from where, for the audit entry
 * @param claim      the partner's idempotency key to claim with the case, or null
 */
public record Submission(ValidatedReport report, String secret, String secretHash, AuditSource source,
                         IdempotencyClaim claim) {

    /** A partner's {@code Idempotency-Key}, claimed in the transaction that creates the case. */
    public record IdempotencyClaim(UUID apiKeyId, String key, String requestHash) {
    }
}
