package org.recourse.matching;

/** Whether an entry is matched against. Only active entries are in the index and the feed. */
public enum EntryStatus {
    ACTIVE,
    /** Taken out by staff. */
    DISABLED,
    /** Removed because the victim withdrew or her case's retention ended; its signal is erased. */
    WITHDRAWN
}
