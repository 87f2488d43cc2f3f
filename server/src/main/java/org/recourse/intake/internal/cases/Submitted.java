package org.recourse.intake.internal.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of submitting a report: the new case, the secret to show once (null where the
 * channel has no reporter sign-in), and the earlier cases its URLs were linked to.
 */
public record Submitted(UUID caseId, String caseNumber, String secret, Instant receivedAt, boolean childAbuseRoute,
                        List<String> linkedCaseNumbers) {
}
