package org.recourse.matching.internal.api;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.PartnerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Look-ups are audited as a count per key per minute, not one entry each: at thousands a second
 * an entry per look-up would be most of the audit trail. Each node writes its own counts once a
 * minute (and when it stops); an entry names the key, the minute and how many signals it looked up.
 */
@Component
class LookupCounts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LookupCounts.class);

    private record Minute(UUID keyId, Instant minute) {
    }

    /**
     * A minute's count for one key. Adding is one atomic add and takes no lock: at thousands of
     * look-ups a second a lock here was contended, and a virtual thread that blocks on a contended
     * monitor can wait a second or more for a carrier (decision 0025). Taking the count for the
     * audit swaps in {@link #TAKEN}, so an add that comes after it sees a negative total and
     * counts again in a new counter: a count is never lost and never written twice.
     */
    private static final class Counter {
        private static final long TAKEN = Long.MIN_VALUE;
        private final String organisation;
        private final AtomicLong count = new AtomicLong();

        Counter(String organisation) {
            this.organisation = organisation;
        }

        /** False when the count was already taken: this add did not count here. */
        boolean add(long signals) {
            return count.getAndAdd(signals) >= 0;
        }

        long take() {
            return count.getAndSet(TAKEN);
        }
    }

    private final Map<Minute, Counter> counters = new ConcurrentHashMap<>();
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;

    LookupCounts(AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    void add(PartnerKeys.PartnerKey key, int signals) {
        Minute minute = new Minute(key.keyId(), clock.instant().truncatedTo(ChronoUnit.MINUTES));
        while (true) {
            Counter counter = counters.get(minute);
            if (counter == null) {
                // The minute's first look-up of this key; putIfAbsent, not compute: no lock is held while counting.
                Counter created = new Counter(key.organisation());
                Counter raced = counters.putIfAbsent(minute, created);
                counter = raced != null ? raced : created;
            }
            if (counter.add(signals)) {
                return;
            }
            // The flush took this counter (and removed it from the map) between the look-up and the add:
            // count again in a fresh one.
        }
    }

    /** Writes the counts of minutes that are over (all of them when {@code everything}). */
    void flush(boolean everything) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        for (Map.Entry<Minute, Counter> entry : counters.entrySet()) {
            Minute minute = entry.getKey();
            if (everything || minute.minute().isBefore(now)) {
                Counter taken = entry.getValue();
                if (counters.remove(minute, taken)) {
                    long count = taken.take();
                    // Zero when the flush took a counter before its first add, which then counted in a new one.
                    if (count > 0) {
                        write(minute, taken.organisation, count);
                    }
                }
            }
        }
    }

    private void write(Minute minute, String organisation, long count) {
        try {
            AuditActor.runAs("api:" + organisation, () -> transactions.executeWithoutResult(status ->
                    audit.record("match.looked-up", "api_key", minute.keyId().toString(),
                            "minute=" + minute.minute() + " signals=" + count)));
        } catch (RuntimeException e) {
            log.warn("Could not audit {} look-ups of key {}: {}", count, minute.keyId(), e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("match-lookup-audit").daemon().factory());
        executor.scheduleWithFixedDelay(() -> flush(false), 10, 10, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
        flush(true);
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
