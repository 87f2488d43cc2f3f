package org.recourse.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing to send and how its sending went.
 *
 * @param subjectId     the sending module's own row (e.g. a notice)
 * @param attempts      delivery attempts so far
 * @param nextAttemptAt when it is due (first attempt or retry); null once sent or failed for good
 * @param lastError     the last failure in words: the SMTP reply, the HTTP status, or why no connection was made
 */
public record OutboxEntry(OutboxTopic topic, UUID subjectId, OutboxStatus status, int attempts, Instant nextAttemptAt,
                          Instant lastAttemptAt, String lastError, Instant sentAt) {
}
