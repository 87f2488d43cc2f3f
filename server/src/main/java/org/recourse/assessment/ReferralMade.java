package org.recourse.assessment;

import java.time.Instant;
import java.util.UUID;

/**
 * A decision referred a case to an organisation: the police, the CSAM hotline, the regulator or a
 * help organisation.
 *
 * @param kind            {@code police}, {@code csam}, {@code regulator} or {@code help}
 * @param organisationKey the directory key of the organisation
 */
public record ReferralMade(UUID caseId, String kind, String organisationKey, boolean urgent, Instant referredAt) {
}
