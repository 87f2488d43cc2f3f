package org.recourse.takedown.internal.monitoring;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.recourse.evidence.EvidenceRecord;
import org.recourse.evidence.EvidenceVault;
import org.recourse.evidence.FetchLimits;
import org.recourse.evidence.FetchRefusedException;
import org.recourse.evidence.FetchResult;
import org.recourse.evidence.ImageFetched;
import org.recourse.evidence.SafeFetcher;
import org.recourse.takedown.internal.TakedownSettings;
import org.recourse.takedown.internal.notices.HosterCheck;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-checks notified items through the safe fetcher. A node claims a batch of due items (SKIP
 * LOCKED, with a lease, so two nodes never check the same item), checks them on virtual threads
 * with at most {@code perHost} checks at once per host, and records the outcomes in one
 * transaction. An item routed by hoster resolution that answers from a new address is resolved
 * again; when its hoster changed it goes to CHANGED for an analyst.
 */
@Service
public class CheckingOnline {

    private final CheckRecords records;
    private final SafeFetcher fetcher;
    private final EvidenceVault vault;
    private final TransactionTemplate transactions;
    private final HosterCheck hosterCheck;
    private final TakedownSettings settings;
    private final HashingFetchedImages images;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();

    CheckingOnline(CheckRecords records, SafeFetcher fetcher, EvidenceVault vault, TransactionTemplate transactions,
                   HosterCheck hosterCheck, TakedownSettings settings, HashingFetchedImages images,
                   ApplicationEventPublisher events, Clock clock) {
        this.images = images;
        this.events = events;
        this.records = records;
        this.fetcher = fetcher;
        this.vault = vault;
        this.transactions = transactions;
        this.hosterCheck = hosterCheck;
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks one batch of due items; returns how many were checked. */
    public int checkDue() {
        List<CheckRecords.Due> due = transactions.execute(status -> records.claim(settings.monitoring().batchSize()));
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, Set<String>> hashes = capturedHashes(due);
        List<CheckRecords.Result> results = new ArrayList<>(due.size());
        java.util.Queue<ImageFetched> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CheckRecords.Result>> running = due.stream()
                    .map(item -> threads.submit(() -> check(item, hashes.getOrDefault(item.id(), Set.of()), seen::add))).toList();
            for (Future<CheckRecords.Result> result : running) {
                results.add(result.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        transactions.executeWithoutResult(status -> {
            records.record(results, this::nextCheck);
            seen.forEach(events::publishEvent);
        });
        for (CheckRecords.Result result : results) {
            if (!result.outcome().isMiss() && result.item().addressChanged(result.resolvedIp())) {
                CheckRecords.Due item = result.item();
                hosterCheck.moved(item.recipientSource(), item.url(), item.hosterFingerprint())
                        .ifPresent(reason -> transactions.executeWithoutResult(status -> records.changed(item, reason)));
            }
        }
        return results.size();
    }

    private Map<UUID, Set<String>> capturedHashes(List<CheckRecords.Due> due) {
        Map<UUID, List<EvidenceRecord>> byCase = new ConcurrentHashMap<>();
        return due.stream().collect(Collectors.toMap(CheckRecords.Due::id, item -> byCase
                .computeIfAbsent(item.caseId(), vault::forCase).stream()
                .filter(r -> item.url().equals(r.sourceUrl()) && r.sha256() != null && !isHtml(r.contentType()))
                .map(EvidenceRecord::sha256).collect(Collectors.toSet())));
    }

    private static boolean isHtml(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
    }

    /** Checks one item; an image found at its address is hashed for re-upload detection and handed to {@code seen}. */
    CheckRecords.Result check(CheckRecords.Due item, Set<String> captured, java.util.function.Consumer<ImageFetched> seen)
            throws InterruptedException {
        Semaphore gate = perHost.computeIfAbsent(item.host(), h -> new Semaphore(settings.monitoring().perHost()));
        gate.acquire();
        try {
            FetchResult result = fetcher.fetch(URI.create(item.url()), FetchLimits.defaults()
                    .withTimeout(settings.monitoring().timeout()));
            CheckOutcome outcome = CheckOutcome.of(result.status(), sha256(result.body()), captured);
            images.of(item, result).ifPresent(seen);
            return new CheckRecords.Result(item, outcome, result.status(), result.resolvedIp(), clock.instant());
        } catch (FetchRefusedException | RuntimeException e) {
            return new CheckRecords.Result(item, CheckOutcome.UNREACHABLE, null, null, clock.instant());
        } finally {
            gate.release();
        }
    }

    private Instant nextCheck(CheckRecords.Result result) {
        TakedownSettings.Monitoring monitoring = settings.monitoring();
        if (result.outcome().isMiss()) {
            return result.checkedAt().plus(monitoring.missSpacing());
        }
        long min = monitoring.minInterval().toMillis();
        long max = Math.max(min, monitoring.maxInterval().toMillis());
        return result.checkedAt().plus(Duration.ofMillis(min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1)));
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
