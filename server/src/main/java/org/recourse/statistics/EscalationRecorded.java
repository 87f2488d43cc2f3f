package org.recourse.statistics;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice was escalated (to a regulator, the police or a court) because the platform did not act.
 * Published by the escalation module, which also registers a {@link StatisticsSource} for
 * {@link Source#ESCALATIONS}.
 *
 * @param outcome what the escalation achieved so far, e.g. {@code removed}, {@code pending}; may be null
 */
public record EscalationRecorded(UUID noticeId, Instant escalatedAt, String outcome) {
}
