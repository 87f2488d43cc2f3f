package org.recourse.audit;

import java.time.Instant;

/** One line of the audit trail, as read back. {@code seq} is null until the entry is sealed. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String objectType,
                         String objectId, String detail, String origin, Long seq, String hash) {
}
