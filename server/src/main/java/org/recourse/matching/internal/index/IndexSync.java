package org.recourse.matching.internal.index;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.recourse.matching.internal.MatchingSettings;
import org.recourse.matching.internal.bank.Bank;
import org.recourse.matching.internal.bank.Banks;
import org.recourse.matching.internal.bank.ChangeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index in step with the banks: builds it once at start (retrying until the
 * database answers), then reads the change log after the last sequence applied, every
 * {@code recourse.matching.index.poll-interval}, applying each addition and removal on its own —
 * never a rebuild. Bank settings (threshold, matching on or off) are re-read with every poll.
 */
@Component
class IndexSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexSync.class);
    private static final int PAGE = 10_000;

    private final MatchIndex index;
    private final IndexLoader loader;
    private final ChangeLog changes;
    private final Banks banks;
    private final Clock clock;
    private final MatchingSettings settings;
    private volatile ScheduledExecutorService executor;

    IndexSync(MatchIndex index, IndexLoader loader, ChangeLog changes, Banks banks, Clock clock, MatchingSettings settings) {
        this.index = index;
        this.loader = loader;
        this.changes = changes;
        this.banks = banks;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("match-index-sync").daemon().factory());
        long interval = settings.index().pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::step, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** Builds the index if it is not built yet, else applies what changed. */
    private void step() {
        try {
            if (!index.ready()) {
                long started = System.nanoTime();
                loader.load(index);
                index.synced(clock.instant());
                index.markReady();
                log.info("Match index built: {} entries in {} ms", index.status().sizes(),
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                poll();
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the index stays as it is and turns stale.
            log.warn("Match index sync failed: {}", e.toString());
        }
    }

    void poll() {
        for (Bank bank : banks.all()) {
            index.bank(bank);
        }
        List<ChangeLog.Change> page;
        do {
            page = changes.after(index.appliedSequence(), PAGE);
            for (ChangeLog.Change change : page) {
                apply(change);
                index.applied(change.seq(), change.changedAt());
            }
        } while (page.size() == PAGE);
        index.synced(clock.instant());
    }

    private void apply(ChangeLog.Change change) {
        BankIndex bank = index.bank(change.bankId());
        if (bank == null) {
            // A bank created after this poll read the banks.
            banks.all().forEach(index::bank);
            bank = index.bank(change.bankId());
        }
        if (change.op() == ChangeLog.Op.REMOVE) {
            bank.remove(change.entryId(), change.signalType());
        } else if (change.active()) {
            // An entry removed since is skipped here; its removal follows in the log.
            bank.add(change.entryId(), change.signalType(), change.signal());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
