package org.recourse.intake;

import java.time.Instant;

/** One transition in a case's history. */
public record StatusChange(CaseStatus status, Instant changedAt) {
}
