package org.recourse.takedown.internal.notices;

import java.util.Locale;

/** Where a notice stands; {@link #code()} is how it is stored and how its message key ends. */
public enum NoticeStatus {
    /** In the outbox: waiting for its first attempt or for a retry. */
    QUEUED,
    /** Accepted by the recipient's server, or submitted by hand through a web form. */
    SENT,
    /** The recipient takes notices only through a web form an analyst fills in. */
    AWAITING_MANUAL,
    /** Every attempt of the retry schedule failed; waits for an analyst to resend or re-route it. */
    FAILED,
    /** Accepted, then returned by the recipient's mail system as undeliverable (a delivery-status report). */
    BOUNCED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NoticeStatus fromCode(String code) {
        // Rows from before the shared outbox could still say 'sending'; they were moved to the outbox as queued.
        return "sending".equals(code) ? QUEUED : valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Did not reach its recipient and will not without a person. */
    public boolean undelivered() {
        return this == FAILED || this == BOUNCED;
    }
}
