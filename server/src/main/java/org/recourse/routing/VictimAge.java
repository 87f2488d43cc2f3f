package org.recourse.routing;

import java.util.Locale;

public enum VictimAge {
    ADULT, MINOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VictimAge ofCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
