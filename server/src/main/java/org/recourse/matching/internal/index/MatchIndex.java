package org.recourse.matching.internal.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.recourse.matching.Signal;
import org.recourse.matching.SignalType;
import org.recourse.matching.internal.MatchingSettings;
import org.recourse.matching.internal.bank.Bank;
import org.recourse.pdq.Hash256;
import org.recourse.pdq.index.Match;
import org.springframework.stereotype.Component;

/**
 * This node's match index over every bank, built from the database at start and then kept in
 * step with the change log by {@link IndexSync} (ADR 0010). Until the first build is complete it
 * is not ready and answers nothing, so a restarting node never gives partial answers.
 */
@Component
public class MatchIndex {

    /** A matching entry: its bank, its id and the distance (0 for exact signals). */
    public record Hit(String bank, long entryId, int distance) {
    }

    /** How far this node's index has come. */
    public record Status(boolean ready, boolean stale, long appliedSequence, Instant builtTo, Instant syncedAt,
                         Map<SignalType, Integer> sizes) {
    }

    private final Map<UUID, BankIndex> banks = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration staleAfter;
    private volatile boolean ready;
    private volatile long appliedSequence;
    private volatile Instant builtTo;
    private volatile Instant syncedAt;

    MatchIndex(Clock clock, MatchingSettings settings) {
        this.clock = clock;
        this.staleAfter = settings.index().staleAfter();
    }

    public boolean ready() {
        return ready;
    }

    /** The last change-log sequence this node applied. */
    public long appliedSequence() {
        return appliedSequence;
    }

    /**
     * Active entries matching the signal, nearest first. {@code onlyBanks}: bank names to look in,
     * or null for all; {@code enabledOnly} leaves out banks whose matching is switched off.
     */
    public List<Hit> lookup(Signal signal, Set<String> onlyBanks, boolean enabledOnly) {
        return lookupAll(List.of(signal), onlyBanks, enabledOnly).getFirst();
    }

    /**
     * {@link #lookup} for many signals at once, in the order given. The PDQ signals of a batch go to
     * each bank's index together, which answers them for a fraction of the cost of one at a time
     * (the index sweeps its tables once for the whole batch).
     */
    public List<List<Hit>> lookupAll(List<Signal> signals, Set<String> onlyBanks, boolean enabledOnly) {
        List<List<Hit>> hits = new ArrayList<>(signals.size());
        List<Integer> pdqPositions = new ArrayList<>();
        List<Hash256> pdqHashes = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            hits.add(new ArrayList<>());
            if (signals.get(i).type() == SignalType.PDQ) {
                pdqPositions.add(i);
                pdqHashes.add(Hash256.fromHex(signals.get(i).hex()));
            }
        }
        Hash256[] queries = pdqHashes.toArray(Hash256[]::new);
        for (BankIndex index : banks.values()) {
            Bank bank = index.bank();
            if ((onlyBanks != null && !onlyBanks.contains(bank.name())) || (enabledOnly && !bank.matchingEnabled())) {
                continue;
            }
            if (queries.length > 0) {
                List<List<Match>> matches = index.pdqMatches(queries);
                for (int q = 0; q < queries.length; q++) {
                    List<Hit> found = hits.get(pdqPositions.get(q));
                    for (Match match : matches.get(q)) {
                        found.add(new Hit(bank.name(), match.id(), match.distance()));
                    }
                }
            }
            for (int i = 0; i < signals.size(); i++) {
                Signal signal = signals.get(i);
                if (signal.type() != SignalType.PDQ) {
                    for (long id : index.exactMatches(signal.type(), signal.hex())) {
                        hits.get(i).add(new Hit(bank.name(), id, 0));
                    }
                }
            }
        }
        for (List<Hit> found : hits) {
            found.sort(NEAREST_FIRST);
        }
        return hits;
    }

    private static final Comparator<Hit> NEAREST_FIRST = Comparator.comparingInt(Hit::distance).thenComparingLong(Hit::entryId);

    public Status status() {
        Map<SignalType, Integer> sizes = new java.util.EnumMap<>(SignalType.class);
        for (SignalType type : SignalType.values()) {
            sizes.put(type, banks.values().stream().mapToInt(b -> b.size(type)).sum());
        }
        Instant synced = syncedAt;
        boolean stale = !ready || synced == null || Duration.between(synced, clock.instant()).compareTo(staleAfter) > 0;
        return new Status(ready, stale, appliedSequence, builtTo, synced, sizes);
    }

    // Writes: the sync thread only.

    BankIndex bank(Bank bank) {
        return banks.compute(bank.id(), (id, existing) -> {
            if (existing == null) {
                return new BankIndex(bank);
            }
            existing.update(bank);
            return existing;
        });
    }

    BankIndex bank(UUID bankId) {
        return banks.get(bankId);
    }

    void applied(long sequence, Instant changedAt) {
        synchronized (progress) {
            appliedSequence = sequence;
            if (changedAt != null) {
                builtTo = changedAt;
            }
            progress.notifyAll();
        }
    }

    private final Object progress = new Object();

    /**
     * Waits until this index has applied the change log up to {@code sequence} (a look-up that must
     * see a change committed just before it); false if that took longer than {@code patience}.
     */
    public boolean awaitSequence(long sequence, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (progress) {
            while (!ready || appliedSequence < sequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    void synced(Instant at) {
        syncedAt = at;
    }

    void markReady() {
        synchronized (progress) {
            ready = true;
            progress.notifyAll();
        }
    }
}
