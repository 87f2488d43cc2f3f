package org.recourse.takedown.internal.monitoring;

import java.util.Set;

/**
 * How one online check turned out, decided from what the fetcher got and the hashes captured as
 * evidence. Only non-HTML captures are compared by hash: a page's HTML changes with every visit
 * (ads, counters), an image or video file does not.
 */
public enum CheckOutcome {
    ONLINE, MISSING, HASH_MISMATCH, UNREACHABLE;

    public boolean isMiss() {
        return this != ONLINE;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CheckOutcome of(int status, String sha256, Set<String> capturedHashes) {
        if (status == 404 || status == 410 || status == 451) {
            return MISSING;
        }
        if (status / 100 != 2) {
            return UNREACHABLE;
        }
        return capturedHashes.isEmpty() || capturedHashes.contains(sha256) ? ONLINE : HASH_MISMATCH;
    }
}
