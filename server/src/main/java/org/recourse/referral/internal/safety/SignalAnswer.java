package org.recourse.referral.internal.safety;

import java.util.Locale;

/** An answer on the checklist; a question left open is not answered at all. */
public enum SignalAnswer {
    YES, NO, UNSURE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the signal counts as present in the summary (a "not sure" is worth a look too). */
    public boolean present() {
        return this != NO;
    }
}
