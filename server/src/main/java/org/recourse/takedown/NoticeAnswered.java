package org.recourse.takedown;

import java.time.Instant;
import java.util.UUID;

/**
 * The recipient of a notice answered: an acknowledgement, or a decision ({@code decision} is null
 * for an acknowledgement). A decision also counts as the acknowledgement if none came before.
 */
public record NoticeAnswered(UUID noticeId, ProviderDecision decision, Instant receivedAt) {
}
