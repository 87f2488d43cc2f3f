package org.recourse.assessment.internal.queue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One thing to assess: a reported item, or a whole case when nothing specific was reported.
 *
 * @param platform       the platform's name as the directory knows it, or as reported
 * @param platformKey    the directory key when the platform was recognised, else null
 * @param urgentReferral the organisation to refer to immediately when {@code urgent}, by name
 * @param url            the item's address as intake has it now (read from intake, never stored here), or null
 * @param lockedBy       the analyst assessing it while {@code lockExpires} is in the future
 */
public record Entry(UUID id, UUID caseId, UUID itemId, String caseNumber, String channel, List<String> forms,
                    String platform, String platformKey, String url, boolean minor, boolean urgent,
                    String urgentReferral, Instant receivedAt, String state, String closedReason, String lockedBy,
                    Instant lockExpires) {

    public boolean lockedNow(Instant now) {
        return lockedBy != null && lockExpires != null && lockExpires.isAfter(now);
    }

    public boolean lockedTo(String user, Instant now) {
        return lockedNow(now) && lockedBy.equals(user);
    }

    Entry withUrl(String address) {
        return new Entry(id, caseId, itemId, caseNumber, channel, forms, platform, platformKey, address, minor, urgent,
                urgentReferral, receivedAt, state, closedReason, lockedBy, lockExpires);
    }

    /** Why it was closed, or null while it is open. */
    public ClosedReason closed() {
        return ClosedReason.of(closedReason);
    }

    public boolean awaiting() {
        return "awaiting".equals(state);
    }
}
