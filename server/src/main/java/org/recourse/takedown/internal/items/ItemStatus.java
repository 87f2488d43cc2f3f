package org.recourse.takedown.internal.items;

import java.util.Locale;

/** Where a decided item stands in notice and action; {@link #code()} is how it is stored. */
public enum ItemStatus {
    /** Waiting for the grouping delay to pass before its first notice. */
    PENDING,
    /** In a notice (being sent or sent); watched until it is offline. */
    NOTIFIED,
    /** Confirmed offline by the online checks. */
    OFFLINE,
    /** Its hoster changed; an analyst checks where it went. */
    CHANGED,
    /** No recipient or no channel known, or a hoster to confirm: an analyst routes it by hand. */
    UNROUTED,
    /** Its notice failed for good or bounced: an analyst resends it or routes it elsewhere. */
    UNDELIVERED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ItemStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
