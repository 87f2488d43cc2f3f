package org.recourse.platform.internal.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recourse.outbox.*}: how often due entries are looked for, how long a node may hold one
 * it is delivering, and the waits between failed attempts. After the last wait of
 * {@code retrySchedule} has passed and one more attempt failed, the entry has failed for good.
 */
@ConfigurationProperties("recourse.outbox")
public record OutboxSettings(@DefaultValue("true") boolean workers, @DefaultValue("5s") Duration interval,
                             @DefaultValue("2m") Duration lease,
                             @DefaultValue("1m,5m,30m,2h,6h,12h") List<Duration> retrySchedule,
                             @DefaultValue("false") boolean simulated) {

    /**
     * @param simulated every entry is recorded as delivered without being sent: only {@code ./recourse demo}
     *                  sets it, and a server refuses to start with it
     */
    public OutboxSettings {
        retrySchedule = List.copyOf(retrySchedule);
        if (retrySchedule.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("recourse.outbox.retry-schedule: every wait must be longer than zero");
        }
    }

    /** The wait after the {@code failures}-th failure in a row, or null when the schedule is used up. */
    public Duration waitAfter(int failures) {
        return failures >= 1 && failures <= retrySchedule.size() ? retrySchedule.get(failures - 1) : null;
    }
}
