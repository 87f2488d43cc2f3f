package org.recourse.routing.internal;

import java.time.Instant;

/** The one shared draft coordinators edit, and the published version it started from. */
record RuleSetDraft(String document, Integer basedOn, Instant updatedAt, String updatedBy) {
}
