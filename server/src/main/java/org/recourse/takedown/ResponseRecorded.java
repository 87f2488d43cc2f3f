package org.recourse.takedown;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recipient answered a notice: an acknowledgement (DSA art. 16(4)) or a decision with reasons
 * (art. 16(5)), however it arrived.
 *
 * @param decision null for an acknowledgement
 * @param reasons  the recipient's own words, or null
 */
public record ResponseRecorded(UUID noticeId, String reference, String recipientKey, Kind kind, Decision decision,
                               String reasons, Instant receivedAt, List<NotifiedItem> items) {

    public ResponseRecorded {
        items = List.copyOf(items);
    }

    public enum Kind {
        ACKNOWLEDGEMENT, DECISION
    }

    public enum Decision {
        REMOVED, RESTRICTED, REFUSED, OTHER
    }
}
