package org.recourse.takedown;

import java.time.Instant;
import java.util.UUID;

/**
 * A notified item is confirmed offline by the online checks.
 *
 * @param firstNotifiedAt when its first notice went out; {@code offlineAt - firstNotifiedAt} is the time to removal
 */
public record ItemTakenDown(UUID caseId, UUID reportedItemId, String url, String recipientKey, Instant firstNotifiedAt,
                            Instant offlineAt) {
}
