package org.recourse.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An item (or, for a platform-wide pattern without open items, a platform) worth escalating.
 *
 * @param caseId       null for a platform-wide pattern without open items
 * @param overdueSince when the first of its notices passed the SLA, or null
 * @param reasons      every rule it meets, never empty
 */
public record Candidate(UUID caseId, String caseNumber, UUID reportedItemId, String url, String platformKey,
                        String platformName, int noticesSent, Instant overdueSince, List<CandidateReason> reasons,
                        List<ProposedAuthority> proposed) {

    public Candidate {
        reasons = List.copyOf(reasons);
        proposed = List.copyOf(proposed);
    }
}
