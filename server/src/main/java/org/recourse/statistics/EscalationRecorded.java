package org.recourse.statistics;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice was escalated (to a regulator, the police or a court) because the platform did not act.
 * Published by the escalation module, which also registers a {@link StatisticsSource} for
 * {@link Source#ESCALATIONS}.
 *
 * @param outcome where the enforcement request stands: {@code filed}, {@code acknowledged}, {@code under_investigation},
 *                {@code decided}, {@code rejected}, {@code no_response} or {@code withdrawn}; null keeps what was recorded
 */
public record EscalationRecorded(UUID noticeId, Instant escalatedAt, String outcome) {
}
