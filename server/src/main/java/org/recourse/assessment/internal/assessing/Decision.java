package org.recourse.assessment.internal.assessing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A decision on an entry. A pending decision has no effect until a second person confirms it.
 *
 * @param state      {@code pending}, {@code effective} or {@code rejected}
 * @param note       the reason for closing, or other words of the decider
 * @param referrals  directory keys of help organisations the victim is referred to
 */
public record Decision(UUID id, UUID entryId, UUID assessmentId, UUID caseId, Outcome outcome, String state, String note,
                       List<String> referrals, String decidedBy, Instant decidedAt, String confirmedBy, Instant settledAt,
                       String rejectionReason) {

    public boolean pending() {
        return "pending".equals(state);
    }

    public boolean effective() {
        return "effective".equals(state);
    }
}
