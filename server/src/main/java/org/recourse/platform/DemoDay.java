package org.recourse.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * One simulated day of {@code ./recourse demo}.
 *
 * @param date    the day (UTC)
 * @param index   0 for the first day
 * @param days    how many days the demo simulates
 * @param reports how many reports the day brings
 * @param random  this day's random numbers, the same for the same seed
 * @param time    the simulated clock, which actors move forward within the day
 */
public record DemoDay(LocalDate date, int index, int days, int reports, SplittableRandom random, Time time) {

    /** The demo's clock as actors see it: it only moves forward. */
    public interface Time {
        Instant now();

        /** Moves the clock to {@code at} if that is later than now. */
        void advanceTo(Instant at);
    }

    /** The day's moment at {@code minuteOfDay} minutes after midnight UTC. */
    public Instant at(int minuteOfDay) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60L * minuteOfDay);
    }

    /** Moves the clock to a moment of the day (never back) and returns the new now. */
    public Instant moveTo(int minuteOfDay) {
        time.advanceTo(at(minuteOfDay));
        return time.now();
    }

    /** A random number for this actor, independent of the other actors' draws. */
    public SplittableRandom randomFor(String actor) {
        return new SplittableRandom(random.split().nextLong() ^ actor.hashCode());
    }
}
