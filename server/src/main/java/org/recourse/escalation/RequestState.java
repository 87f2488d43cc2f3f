package org.recourse.escalation;

import java.util.Locale;

/** Where an enforcement request stands. */
public enum RequestState {
    DRAFT, APPROVED, FILED, ACKNOWLEDGED, UNDER_INVESTIGATION, DECIDED, REJECTED, WITHDRAWN, NO_RESPONSE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Nothing more is expected of the authority. */
    public boolean closed() {
        return this == DECIDED || this == REJECTED || this == WITHDRAWN || this == NO_RESPONSE;
    }

    /** What the authority can tell us once the request is with them. */
    public boolean fromAuthority() {
        return this == ACKNOWLEDGED || this == UNDER_INVESTIGATION || this == DECIDED || this == REJECTED;
    }
}
