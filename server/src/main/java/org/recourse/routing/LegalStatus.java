package org.recourse.routing;

import java.util.Locale;

/** The second axis of an assessment; {@code UNKNOWN} until an analyst has assessed the item. */
public enum LegalStatus {
    ILLEGAL, UNLAWFUL, HARMFUL, NOT_PROBLEMATIC, UNKNOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LegalStatus ofCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
