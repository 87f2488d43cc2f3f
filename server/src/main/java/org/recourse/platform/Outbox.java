package org.recourse.platform;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The one outbox for everything that leaves the system (mail and API calls). An entry is queued
 * in the caller's transaction, so it exists exactly when the thing it sends does. Nodes claim due
 * entries with {@code FOR UPDATE SKIP LOCKED} and a lease, deliver outside any transaction and
 * record the outcome; a node that dies mid-delivery leaves its lease to expire. A failed attempt
 * is retried by the configured schedule ({@code recourse.outbox.retry-schedule}); when it is used
 * up the entry is {@link OutboxStatus#FAILED} until a person resends it. An entry marked sent is
 * never claimed again.
 */
public interface Outbox {

    /** Queues {@code subjectId} to be sent from {@code notBefore} on; queuing the same subject twice changes nothing. */
    void enqueue(OutboxTopic topic, UUID subjectId, Instant notBefore);

    /**
     * Makes a waiting entry due now: a failed one starts the retry schedule afresh, a queued one
     * skips the rest of its wait. Atomic: of two people pressing it at once, one changes the entry.
     *
     * @return whether this call changed it (false when it is being sent, already sent, or was just resent by someone else)
     */
    boolean sendNow(OutboxTopic topic, UUID subjectId);

    Optional<OutboxEntry> find(OutboxTopic topic, UUID subjectId);

    /** Delivers every due entry this node can claim; returns how many were accepted. Workers call it; so can tests. */
    int deliverDue();
}
