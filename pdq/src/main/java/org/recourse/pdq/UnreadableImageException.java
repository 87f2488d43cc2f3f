package org.recourse.pdq;

/** The bytes could not be hashed as an image; {@link #reason()} says why. */
public class UnreadableImageException extends Exception {

    public enum Reason {
        /** No installed ImageIO reader recognises the bytes. */
        UNSUPPORTED_FORMAT,
        /** The header announces more pixels than the configured limit. */
        TOO_MANY_PIXELS,
        /** Decoding took longer than the configured limit. */
        TIMED_OUT,
        /** The file is truncated or its data is invalid. */
        CORRUPT,
        /** The file could not be read from storage. */
        IO_ERROR
    }

    private final Reason reason;

    public UnreadableImageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UnreadableImageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
