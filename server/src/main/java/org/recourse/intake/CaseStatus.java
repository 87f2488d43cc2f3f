package org.recourse.intake;

/**
 * Where a case stands, as the reporter sees it on the status page. Every transition is kept with
 * its time; the clocks and statistics of later modules are computed from that history.
 */
public enum CaseStatus {
    RECEIVED,
    BEING_ASSESSED,
    /** Take-down decided; the request to the platform or host is being prepared (or routed by hand). */
    DECISION_TAKEN,
    NOTICES_SENT,
    /** Some of the reported content is offline; the rest is still asked for. */
    PARTLY_REMOVED,
    REMOVED,
    ESCALATED,
    CLOSED,
    WITHDRAWN;

    /** Closed and withdrawn cases take no new material and no duplicate links. */
    public boolean isOpen() {
        return this != CLOSED && this != WITHDRAWN;
    }
}
