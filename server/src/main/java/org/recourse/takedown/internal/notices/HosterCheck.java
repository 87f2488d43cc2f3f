package org.recourse.takedown.internal.notices;

import java.util.Optional;

/**
 * The last-minute check before a notice goes out: has the item moved to another hoster since it
 * was routed? Items routed to a platform by name never move; items routed by hoster resolution do.
 */
public interface HosterCheck {

    /** Why the item moved, or empty when it is still where it was routed. */
    Optional<String> moved(String recipientSource, String url, String hosterFingerprint);
}
