package org.recourse.takedown;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sent notice passed its SLA without a decision from its recipient while some of its items were
 * still online. Published once per notice, whichever node notices it first.
 *
 * @param items the notice's items that were not yet offline
 */
public record NoticeOverdue(UUID noticeId, String reference, String recipientKey, Instant sentAt, Instant slaDueAt,
                            List<NotifiedItem> items) {

    public NoticeOverdue {
        items = List.copyOf(items);
    }
}
