package org.recourse.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * What identifies the victim was removed from a case: the reporter withdrew it, or it reached the
 * end of its retention. Modules that keep anything derived from the case (hash banks) remove
 * theirs too.
 */
public record CaseDataRemoved(UUID caseId, Reason reason, Instant at) {

    public enum Reason { WITHDRAWN, RETENTION_ENDED }
}
