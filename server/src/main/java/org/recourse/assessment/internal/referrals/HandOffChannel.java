package org.recourse.assessment.internal.referrals;

import java.util.Locale;

/** How a referral reaches the organisation: mailed through the outbox, or a phone call the analyst made and records. */
public enum HandOffChannel {
    EMAIL, PHONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
