package org.recourse.pdq.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.recourse.pdq.Hash256;

/**
 * Searches running while another thread adds (sealing and merging segments) and removes: the
 * hashes that are never removed must always be found, and an id whose removal finished before
 * a search began must never be returned by it.
 */
class PdqIndexConcurrencyTest {

    @Test
    void searchesStayExactWhileAnotherThreadAddsAndRemoves() throws Exception {
        RandomHashes random = new RandomHashes(99);
        PdqIndex index = new PdqIndex();
        Hash256 target = random.next();
        List<Hash256> permanent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Hash256 nearDuplicate = random.flip(target, random.nextInt(20));
            permanent.add(nearDuplicate);
            index.add(-1 - i, nearDuplicate);
        }
        for (long id = 0; id < 50_000; id++) {
            index.add(id, random.next());
        }

        AtomicLong removedUpTo = new AtomicLong(-1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = threads.submit(() -> {
                RandomHashes writerRandom = new RandomHashes(5);
                long next = 1_000_000;
                for (int round = 0; round < 200_000; round++) {
                    long id = next++;
                    boolean nearDuplicate = round % 10 < 2;
                    index.add(id, nearDuplicate ? writerRandom.flip(target, writerRandom.nextInt(25)) : writerRandom.next());
                    if (round % 10 == 0) {
                        index.remove(id);
                        removedUpTo.set(id);
                    }
                }
                writing.set(false);
                return null;
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(threads.submit(() -> {
                    while (writing.get()) {
                        long removedAtStart = removedUpTo.get();
                        List<Match> matches = index.search(target, 31);
                        Set<Long> found = new HashSet<>();
                        matches.forEach(match -> found.add(match.id()));
                        for (int i = 0; i < permanent.size(); i++) {
                            assertThat(found).contains((long) -1 - i);
                        }
                        assertThat(found).noneMatch(id -> id >= 1_000_000 && id <= removedAtStart && (id - 1_000_000) % 10 == 0);
                        assertThat(matches).allMatch(match -> match.distance() <= 31);
                        searches.incrementAndGet();
                    }
                    return null;
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(searches.get()).as("searches that ran during the updates").isGreaterThan(10);
        assertThat(index.size()).isEqualTo(50 + 50_000 + 180_000);
        List<Match> afterwards = index.search(target, 31);
        assertThat(afterwards.stream().filter(match -> match.id() >= 1_000_000))
                .hasSize(20_000)
                .allMatch(match -> (match.id() - 1_000_000) % 10 == 1);
    }
}
