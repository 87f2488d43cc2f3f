package org.recourse.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: it follows the system clock until a test moves it, so
 * contexts shared with tests that never touch it behave as in production. {@link #advance}
 * moves it forward (never sleep to let time pass); {@link #reset} puts it back on the system
 * clock, which every test that moves it does when it ends.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public MutableClock() {
        this(Clock.systemUTC());
    }

    MutableClock(Clock base) {
        this.base = base;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that moves with this clock. */
    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    /** Moves the clock forward by {@code duration}. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset.accumulateAndGet(duration, Duration::plus);
    }

    /** How far the clock has been moved ahead of the system clock. */
    public Duration offset() {
        return offset.get();
    }

    /** Back to the system clock. */
    public void reset() {
        offset.set(Duration.ZERO);
    }
}
