package org.recourse.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

/**
 * The one way tests wait for work that happens after a commit or on another thread (an event
 * listener, the outbox, a worker): poll the observable result until it holds, within a bound.
 * Waiting for time to pass is never done this way — tests move the {@link MutableClock} instead.
 */
public final class Eventually {

    private static final Duration DEFAULT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier done) {
        await(what, DEFAULT, done);
    }

    public static void await(String what, Duration timeout, BooleanSupplier done) {
        Awaitility.await(what).atMost(timeout).pollInterval(POLL).pollDelay(Duration.ZERO)
                .until(done::getAsBoolean);
    }

    /** The first non-null value {@code value} gives within {@code timeout}. */
    public static <T> T awaitValue(String what, Duration timeout, Supplier<T> value) {
        return Awaitility.await(what).atMost(timeout).pollInterval(POLL).pollDelay(Duration.ZERO)
                .until(value::get, v -> v != null);
    }
}
