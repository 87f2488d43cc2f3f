package org.recourse.audit;

import java.util.List;

/**
 * Appends to the audit trail. Call it in the same transaction as the action it records, so an
 * action and its record commit or roll back together. The actor and origin are taken from the
 * current request (signed-in user, client address) or from {@link AuditActor} for jobs and
 * commands; never put content or contact details in {@code detail}.
 */
public interface AuditTrail {

    /**
     * @param action     what happened, past tense, dotted: {@code case.viewed}, {@code user.created}
     * @param objectType the kind of object, e.g. {@code case}, {@code evidence}, {@code staff_user}
     * @param objectId   its identifier, or {@code null}
     * @param detail     a short factual note without personal data, or {@code null}
     */
    void record(String action, String objectType, String objectId, String detail);

    /**
     * Who is acting on this thread and from where, for work handed to another thread that records
     * it later with {@link #recordAll} (e.g. reports written together in one transaction).
     */
    AuditSource currentSource();

    /** Appends several entries, each with its own source, in one round trip; same rules as {@link #record}. */
    void recordAll(List<NewEntry> entries);

    /** An entry for {@link #recordAll}. */
    record NewEntry(AuditSource source, String action, String objectType, String objectId, String detail) {
    }

    /** Entries about one object, oldest first: its chain of custody. */
    List<AuditEntry> entriesFor(String objectType, String objectId);
}
