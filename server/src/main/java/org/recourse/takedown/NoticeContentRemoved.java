package org.recourse.takedown;

import java.time.Instant;
import java.util.UUID;

/** Every item a notice named was confirmed offline by the online checks; {@code removedAt - sentAt} is its time to removal. */
public record NoticeContentRemoved(UUID noticeId, Instant removedAt) {
}
