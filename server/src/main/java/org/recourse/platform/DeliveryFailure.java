package org.recourse.platform;

/**
 * A delivery the receiving side refused, already said in words (e.g. {@code HTTP 503 Service
 * Unavailable}). Senders throw it where the words are theirs to give; any other exception is put
 * into words by the outbox (SMTP replies, refused connections, time-outs).
 */
public class DeliveryFailure extends Exception {

    public DeliveryFailure(String description) {
        super(description);
    }

    public DeliveryFailure(String description, Throwable cause) {
        super(description, cause);
    }
}
