package org.recourse.evidence;

/** The fetcher would not, or could not safely, fetch a URL. The message is the reason. */
public class FetchRefusedException extends Exception {

    /** Why, as a stable code for storing and counting. */
    public enum Reason {
        SCHEME, CREDENTIALS, ONION, HOST_NOTATION, FORBIDDEN_ADDRESS, UNRESOLVABLE, TOO_MANY_REDIRECTS,
        TOO_LARGE, TIMEOUT, CONTENT_TYPE, CONNECTION, TLS, PROTOCOL
    }

    private final Reason reason;

    public FetchRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FetchRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
