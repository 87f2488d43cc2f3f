package org.recourse.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A module's reaction to a test-only event ({@link Poked}) that a test can make fail, or hold as if
 * its node were stopped while it ran: the event publication registry treats it like any other.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestReactions {

    /** Published by a test, in a transaction, for {@link #on} to react to. */
    public record Poked(UUID id) {
    }

    private final Map<UUID, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<UUID, CountDownLatch> held = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> started = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> finished = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> ended = new ConcurrentHashMap<>();

    /** The reaction to this event throws the first {@code times} times it runs. */
    public void failFirst(UUID id, int times) {
        failuresLeft.put(id, new AtomicInteger(times));
    }

    /**
     * The first run of the reaction to this event stops where it is until the returned latch is
     * counted down, and then ends without finishing its work, as on a node that was stopped.
     */
    public CountDownLatch holdFirst(UUID id) {
        CountDownLatch latch = new CountDownLatch(1);
        held.put(id, latch);
        return latch;
    }

    public int started(UUID id) {
        return started.getOrDefault(id, new AtomicInteger()).get();
    }

    /** How often a run of the reaction to this event returned or threw. */
    public int ended(UUID id) {
        return ended.getOrDefault(id, new AtomicInteger()).get();
    }

    /** How often the reaction to this event did its work to the end. */
    public int finished(UUID id) {
        return finished.getOrDefault(id, new AtomicInteger()).get();
    }

    @ApplicationModuleListener
    void on(Poked poked) throws InterruptedException {
        started.computeIfAbsent(poked.id(), id -> new AtomicInteger()).incrementAndGet();
        try {
            CountDownLatch hold = held.remove(poked.id());
            if (hold != null) {
                hold.await(60, TimeUnit.SECONDS);
                throw new IllegalStateException("test reaction: its node stopped");
            }
            AtomicInteger failures = failuresLeft.get(poked.id());
            if (failures != null && failures.getAndDecrement() > 0) {
                throw new IllegalStateException("test reaction: told to fail");
            }
            finished.computeIfAbsent(poked.id(), id -> new AtomicInteger()).incrementAndGet();
        } finally {
            ended.computeIfAbsent(poked.id(), id -> new AtomicInteger()).incrementAndGet();
        }
    }
}
