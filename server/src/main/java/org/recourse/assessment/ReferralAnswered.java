package org.recourse.assessment;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation a victim was referred to answered (or stayed silent past the follow-up time):
 * {@code outcome} is {@code accepted}, {@code contact_made}, {@code declined} or {@code no_response}.
 */
public record ReferralAnswered(UUID caseId, String kind, String organisationKey, Instant referredAt, String outcome, Instant answeredAt) {
}
