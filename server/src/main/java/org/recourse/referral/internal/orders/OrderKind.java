package org.recourse.referral.internal.orders;

import java.util.Locale;

/** The kinds of protection order a case can record. */
public enum OrderKind {
    /** A contact ban (contactverbod), online contact included. */
    CONTACT_BAN,
    /** An area ban (gebiedsverbod). */
    AREA_BAN,
    /** A temporary restraining order such as a huisverbod. */
    RESTRAINING_ORDER,
    OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
