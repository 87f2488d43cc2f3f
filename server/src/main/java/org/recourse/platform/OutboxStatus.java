package org.recourse.platform;

/** Where an outbox entry stands. */
public enum OutboxStatus {
    /** Waiting for its next attempt (the first, or a retry after a failure). */
    QUEUED,
    /** Claimed by a node that is delivering it now. */
    SENDING,
    /** Accepted by the receiving server; never sent again. */
    SENT,
    /** Every attempt of the retry schedule failed; waits for a person to resend it. */
    FAILED
}
