package org.recourse.takedown.internal.outbox;

/**
 * One way of delivering a notice. Delivery either completes (the recipient's server accepted the
 * notice) or throws; the outbox retries a failed delivery with the same Message-ID / reference,
 * so a recipient can always recognise a repeat.
 */
public interface NoticeChannel {

    /** {@code email}, {@code api} or {@code xarf}, as stored on the notice. */
    String code();

    /** @return the recipient's own reference for the notice, or null when it gives none */
    String deliver(OutgoingNotice notice) throws Exception;
}
