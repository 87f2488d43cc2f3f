package org.recourse.escalation.internal.requests;

/** A request could not be made or changed; {@link #messageKey()} says why in the reader's language. */
public class RequestRefused extends RuntimeException {

    private final String messageKey;

    public RequestRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
