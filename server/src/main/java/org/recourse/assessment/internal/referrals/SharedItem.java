package org.recourse.assessment.internal.referrals;

import java.util.Locale;

/**
 * What the victim agreed may be shared with the organisation. Images and the reported addresses
 * are never shared: the summary says what kind of thing happened and where, not what.
 */
public enum SharedItem {
    /** Her e-mail address and phone number, when she gave them. */
    CONTACT,
    /** The forms of violence reported. */
    FORMS,
    /** The platforms and sites where it is (host names, not addresses). */
    PLATFORMS,
    /** What the hotline has done: the case's current stage. */
    PROGRESS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SharedItem fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
