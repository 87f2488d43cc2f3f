package org.recourse.platform.internal.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the embedded PostgreSQL running: every {@code supervisionInterval} it looks whether the
 * postmaster process is still there (the process table, no connection), and when it is not it
 * starts it again on the same data directory and port. A restart that fails (its last children
 * still hold the old shared memory, the port is taken) is tried again, waiting twice as long each
 * time up to half a minute. Meanwhile requests that need the database fail within the pool's
 * connection timeout and are answered 503 with Retry-After, and health says DOWN.
 *
 * <p>The look runs on a thread of its own, not the shared task scheduler's, whose scheduled jobs
 * are the first to wait for the database once it is gone. An external server has no process here
 * to watch: the pool reconnects on its own when it is back. Stops after everything else (the
 * data sources close later still), so a server being shut down is never restarted.
 */
final class DatabaseSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSupervisor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final EmbeddedPostgres embedded;
    private final Duration interval;
    private final Clock clock;
    private final AtomicBoolean restarting = new AtomicBoolean();
    private volatile boolean available = true;
    private volatile ScheduledExecutorService checks;
    /** Guarded by {@link #restarting}. */
    private Instant nextAttempt = Instant.MIN;
    private Duration backoff;

    DatabaseSupervisor(EmbeddedPostgres embedded, Duration interval, Clock clock) {
        this.embedded = embedded;
        this.interval = interval;
        this.clock = clock;
        this.backoff = interval;
    }

    /** False while the embedded server is known to be down (always true for an external server). */
    boolean available() {
        return available;
    }

    void check() {
        if (embedded == null || embedded.isRunning()) {
            if (!available) {
                log.warn("The embedded PostgreSQL is running again");
            }
            available = true;
            return;
        }
        if (available) {
            log.error("The embedded PostgreSQL has stopped; starting it again");
            available = false;
        }
        if (restarting.compareAndSet(false, true)) {
            Thread.ofVirtual().name("postgres-restart").start(this::restart);
        }
    }

    private void restart() {
        try {
            Instant now = clock.instant();
            if (now.isBefore(nextAttempt)) {
                return;
            }
            try {
                if (embedded.restartIfDown()) {
                    available = embedded.isRunning();
                    backoff = interval;
                    nextAttempt = Instant.MIN;
                }
            } catch (RuntimeException e) {
                log.warn("Could not start the embedded PostgreSQL; trying again in {} s: {}", backoff.toSeconds(),
                        firstLine(e.getMessage()));
                nextAttempt = clock.instant().plus(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        } finally {
            restarting.set(false);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int lastLine = trimmed.lastIndexOf('\n');
        return lastLine < 0 ? trimmed : trimmed.substring(0, trimmed.indexOf('\n')) + " " + trimmed.substring(lastLine + 1);
    }

    @Override
    public void start() {
        if (embedded == null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("postgres-supervisor").daemon().factory());
        executor.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        checks = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = checks;
        if (running != null) {
            running.shutdownNow();
        }
        checks = null;
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }

    /** Starts first and stops last: it keeps the database up while everything else drains. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
