package org.recourse.assessment.internal.referrals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral of the victim to an organisation, with her consent: what may be shared, how she
 * agreed, how it went out, and where it stands.
 */
public record HandOff(UUID id, UUID caseId, String kind, String organisation, HandOffStatus status, List<SharedItem> consentScope,
                      ConsentHow consentHow, HandOffChannel channel, String address, String messageId, String referredBy,
                      Instant referredAt, Instant deliveredAt, Instant followUpDueAt, Instant outcomeAt, String outcomeBy,
                      Instant consentRevokedAt, String consentRevokedVia) {

    public HandOff {
        consentScope = List.copyOf(consentScope);
    }
}
