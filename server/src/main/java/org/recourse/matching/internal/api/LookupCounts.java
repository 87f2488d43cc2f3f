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
import java.util.concurrent.atomic.LongAdder;

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

    private record Counter(String organisation, LongAdder count) {
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
        // compute, not get-then-add: a count is never added to a counter the flush has taken away.
        counters.compute(minute, (m, counter) -> {
            Counter current = counter != null ? counter : new Counter(key.organisation(), new LongAdder());
            current.count().add(signals);
            return current;
        });
    }

    /** Writes the counts of minutes that are over (all of them when {@code everything}). */
    void flush(boolean everything) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        for (Minute minute : counters.keySet()) {
            if (everything || minute.minute().isBefore(now)) {
                Counter taken = counters.remove(minute);
                if (taken != null) {
                    write(minute, taken);
                }
            }
        }
    }

    private void write(Minute minute, Counter counter) {
        long count = counter.count().sum();
        try {
            AuditActor.runAs("api:" + counter.organisation(), () -> transactions.executeWithoutResult(status ->
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
