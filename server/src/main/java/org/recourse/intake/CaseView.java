package org.recourse.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as other modules see it. Contact details and monitoring fields are deliberately not part
 * of it: modules that need them get their own, audited, accessor.
 *
 * @param forms           taxonomy codes of the forms of violence reported
 * @param childAbuseRoute the person shown is (possibly) under 18: the case goes to the
 *                        child sexual abuse route (Meldpunt Kinderporno, police)
 * @param history         every status transition, oldest first
 */
public record CaseView(UUID id, String caseNumber, CaseStatus status, Channel channel, ReporterType reporterType,
                       List<String> forms, boolean childAbuseRoute, Instant receivedAt, List<StatusChange> history) {
}
