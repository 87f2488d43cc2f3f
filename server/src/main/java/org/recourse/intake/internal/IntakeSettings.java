package org.recourse.intake.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code recourse.intake.*}: limits against abuse, the partner API, imports and the mailbox. */
@ConfigurationProperties("recourse.intake")
public record IntakeSettings(@DefaultValue Form form, @DefaultValue Status status, @DefaultValue Api api,
                             @DefaultValue Import importing, @DefaultValue Mailbox mailbox) {

    /** Public form: submissions allowed per client address per window. */
    public record Form(@DefaultValue("10") int maxPerAddress, @DefaultValue("1h") Duration window) {
    }

    /**
     * Status page: failed sign-ins tolerated per case and per address within the window before
     * that case or address is blocked for {@code blockDuration}; additions allowed per case; the
     * largest file a reporter can add.
     */
    public record Status(@DefaultValue("5") int maxFailuresPerCase, @DefaultValue("20") int maxFailuresPerAddress,
                         @DefaultValue("15m") Duration failureWindow, @DefaultValue("15m") Duration blockDuration,
                         @DefaultValue("20") int maxAdditions, @DefaultValue("50MB") DataSize maxMaterialSize) {
    }

    /**
     * Partner API: requests per second per key (bursts up to twice that); idempotency keys kept
     * this long; requests handled at once on this node; reports committed together in one
     * transaction at most, by this many writer threads (group commit), each waiting up to
     * {@code batchWindow} after a report for more to share its transaction (20 ms: every transaction
     * brings its event publications and three listener transactions, so fewer, larger ones cost
     * less per report — 2.3 against 3.1 ms of CPU at 500 reports/s); the longest a request
     * waits inside the server — for one of those places, then for a writer — counted from its
     * arrival, before it is answered 503 with Retry-After instead of queueing until clients time out.
     */
    public record Api(@DefaultValue("200") int requestsPerSecond, @DefaultValue("24h") Duration idempotencyRetention,
                      @DefaultValue("256") int maxConcurrentRequests, @DefaultValue("200") int maxBatch,
                      @DefaultValue("2") int writers, @DefaultValue("2s") Duration maxWait,
                      @DefaultValue("20ms") Duration batchWindow) {
    }

    /** CSV import: largest file accepted; lines committed per transaction. */
    public record Import(@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("500") int batchSize) {
    }

    /** IMAP mailbox read for reports from whitelisted senders. */
    public record Mailbox(@DefaultValue("false") boolean enabled, @DefaultValue("imaps") String protocol,
                          @DefaultValue("") String host, @DefaultValue("993") int port,
                          @DefaultValue("") String username, @DefaultValue("") String password,
                          @DefaultValue("INBOX") String folder, @DefaultValue List<String> whitelist,
                          @DefaultValue("1m") Duration pollInterval) {
    }
}
