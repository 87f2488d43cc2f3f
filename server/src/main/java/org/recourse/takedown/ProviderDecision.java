package org.recourse.takedown;

import java.util.Locale;

/** What a platform or hoster decided on a notice (DSA art. 16(5)). */
public enum ProviderDecision {
    REMOVED, RESTRICTED, REFUSED, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProviderDecision fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
