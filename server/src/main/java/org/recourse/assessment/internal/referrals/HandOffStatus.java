package org.recourse.assessment.internal.referrals;

import java.util.Locale;

/** Where a hand-off stands: sent (or phoned), then the organisation's answer, or the victim's withdrawal. */
public enum HandOffStatus {
    /** Waiting in the outbox to be mailed. */
    QUEUED,
    /**
     * Claimed by the outbox and on its way to the organisation's mail server: a withdrawal now can no
     * longer stop it. Back to {@link #QUEUED} when the attempt fails, or {@link #WITHDRAWN} if consent
     * was withdrawn meanwhile.
     */
    SENDING,
    /** Mailed, or handed over by phone; waiting for the organisation's answer. */
    DELIVERED,
    ACCEPTED,
    CONTACT_MADE,
    DECLINED,
    /** No answer after the follow-up time, recorded by an analyst. */
    NO_RESPONSE,
    /** The victim withdrew her consent before it was delivered: nothing was sent. */
    WITHDRAWN,
    /** The e-mail could not be delivered after every retry. */
    FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HandOffStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The answers an analyst records after delivery. */
    public boolean isOutcome() {
        return this == ACCEPTED || this == CONTACT_MADE || this == DECLINED || this == NO_RESPONSE;
    }
}
