package org.recourse.matching.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.PartnerKeys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Look-ups are counted without a lock (a contended lock stalled virtual threads, decision 0025): a
 * count taken for the audit while look-ups keep coming is neither lost nor written twice.
 */
@RecourseTest
class LookupCountsTest {

    @Autowired
    LookupCounts counts;
    @Autowired
    AuditTrail audit;

    @Test
    void countsAddedWhileTheyAreWrittenAreNeitherLostNorWrittenTwice() throws Exception {
        PartnerKeys.PartnerKey key = new PartnerKeys.PartnerKey(UUID.randomUUID(), "Counting " + UUID.randomUUID(),
                Set.of(PartnerKeys.MATCH_LOOKUP));
        int threads = 4;
        int each = 200_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> adders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                adders.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        counts.add(key, 1);
                    }
                    return null;
                }));
            }
            AtomicBoolean adding = new AtomicBoolean(true);
            Future<Integer> flusher = pool.submit(() -> {
                start.await();
                int flushes = 0;
                while (adding.get()) {
                    counts.flush(true);
                    flushes++;
                }
                return flushes;
            });
            start.countDown();
            for (Future<?> adder : adders) {
                adder.get(60, TimeUnit.SECONDS);
            }
            adding.set(false);
            assertThat(flusher.get(60, TimeUnit.SECONDS)).as("written while counting").isGreaterThan(1);
            counts.flush(true);
        } finally {
            pool.shutdownNow();
        }

        List<AuditEntry> entries = audit.entriesFor("api_key", key.keyId().toString()).stream()
                .filter(e -> e.action().equals("match.looked-up")).toList();
        assertThat(entries).as("more than one write, each a part of the count").hasSizeGreaterThan(1)
                .allSatisfy(e -> assertThat(e.detail()).matches("minute=\\S+ signals=[1-9]\\d*"));
        long written = entries.stream().mapToLong(e -> Long.parseLong(e.detail().replaceAll(".* signals=", ""))).sum();
        assertThat(written).isEqualTo((long) threads * each);
    }
}
