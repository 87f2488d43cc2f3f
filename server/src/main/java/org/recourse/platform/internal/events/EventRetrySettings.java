package org.recourse.platform.internal.events;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recourse.events.*}: when a module's reaction to an event that has not finished counts as
 * abandoned (its node was stopped or killed while it ran, or it never started), and the waits before
 * a failed reaction runs again. After the last wait of {@code retrySchedule} it keeps running again
 * at that last wait: work a case depends on is never given up.
 *
 * @param staleAfter    how long after it was published (or last run again) an unfinished reaction
 *                      is taken for abandoned; far longer than any reaction takes
 * @param interval      how often abandoned and failed reactions are looked for
 * @param retrySchedule the waits after the first, second, ... failure
 * @param batch         at most this many reactions are run again per look
 */
@ConfigurationProperties("recourse.events")
public record EventRetrySettings(@DefaultValue("10m") Duration staleAfter, @DefaultValue("1m") Duration interval,
                                 @DefaultValue("1m,5m,30m,2h,6h") List<Duration> retrySchedule,
                                 @DefaultValue("500") int batch) {

    public EventRetrySettings {
        retrySchedule = List.copyOf(retrySchedule);
        if (retrySchedule.isEmpty() || retrySchedule.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("recourse.events.retry-schedule: one wait or more, each longer than zero");
        }
        if (staleAfter.isNegative() || staleAfter.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("recourse.events.stale-after and interval must be longer than zero");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("recourse.events.batch must be 1 or more");
        }
    }

    /** The wait after the {@code runs}-th run failed (1: the wait after the first failure). */
    public Duration waitAfter(int runs) {
        return retrySchedule.get(Math.min(Math.max(runs - 1, 0), retrySchedule.size() - 1));
    }
}
