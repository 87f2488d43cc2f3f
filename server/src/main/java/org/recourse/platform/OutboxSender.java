package org.recourse.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * Delivers the entries of one {@link OutboxTopic}; implemented by the module that owns what is
 * sent. The outbox calls {@link #deliver} outside any transaction, after claiming the entry,
 * and then exactly one of {@link #delivered} or {@link #failed} inside the transaction that
 * records the outcome, so the module's own state changes together with the outbox's.
 */
public interface OutboxSender {

    OutboxTopic topic();

    /**
     * Whether anything of this topic may go out at {@code now} (e.g. not on a blocked day).
     * Entries that may not wait, untouched, for a later poll.
     */
    default boolean mayDeliverAt(Instant now) {
        return true;
    }

    /**
     * Sends the subject once. A retry sends the same message again (same Message-ID or
     * idempotency key), so a receiver can recognise a repeat after a crash.
     *
     * @return the receiver's own reference for it, or null when it gives none
     * @throws Exception when the receiver did not accept it; {@link DeliveryFailure} carries its own words
     */
    String deliver(UUID subjectId) throws Exception;

    /** The receiver accepted the subject at {@code at}. */
    void delivered(UUID subjectId, String externalReference, Instant at);

    /**
     * An attempt failed.
     *
     * @param reason  the failure in words
     * @param gaveUp  true when the retry schedule is used up: the entry is {@link OutboxStatus#FAILED}
     * @param retryAt the next attempt, or null when it gave up
     */
    void failed(UUID subjectId, String reason, boolean gaveUp, Instant retryAt);
}
