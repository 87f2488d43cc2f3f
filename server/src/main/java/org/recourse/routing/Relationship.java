package org.recourse.routing;

import java.util.Locale;

/** The victim's relationship to the perpetrator, as monitors (GREVIO art. 11) record it. */
public enum Relationship {
    PARTNER, EX_PARTNER, FAMILY, ACQUAINTANCE, STRANGER, UNKNOWN;

    /** The code used on the command line and in rule data, e.g. {@code ex-partner}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Relationship ofCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
