package org.recourse.platform.internal.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.recourse.platform.DemoDay;

/** The clock of {@code ./recourse demo}: it stands still until the demo moves it, and only forward. */
public final class SimulatedClock extends Clock implements DemoDay.Time {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same simulated time seen in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        SimulatedClock simulated = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return simulated.withZone(other);
            }

            @Override
            public Instant instant() {
                return simulated.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public Instant now() {
        return now.get();
    }

    @Override
    public void advanceTo(Instant at) {
        now.accumulateAndGet(at, (current, wanted) -> wanted.isAfter(current) ? wanted : current);
    }

    /** Sets the clock before the first day. */
    void start(Instant at) {
        now.set(at);
    }
}
