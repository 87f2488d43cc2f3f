package org.recourse.assessment.internal.referrals;

import java.util.Locale;

/** How the victim gave her consent to a referral, as the analyst records it. */
public enum ConsentHow {
    PHONE, EMAIL, IN_PERSON, CHAT, STATUS_PAGE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConsentHow fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
