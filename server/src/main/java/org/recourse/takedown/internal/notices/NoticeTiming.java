package org.recourse.takedown.internal.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;

import org.recourse.takedown.internal.TakedownSettings;
import org.springframework.stereotype.Component;

/** When a waiting item's first notice will go: at the end of the grouping delay, on the first day that is not blocked. */
@Component
public class NoticeTiming {

    private final TakedownSettings settings;
    private final Clock clock;

    NoticeTiming(TakedownSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** @param oldestWaitingDecision the decision time of the recipient's oldest waiting item */
    public Instant firstNoticeAt(Instant oldestWaitingDecision) {
        Instant due = oldestWaitingDecision.plus(settings.notices().firstWithin());
        Instant now = clock.instant();
        if (due.isBefore(now)) {
            due = now;
        }
        ZonedDateTime at = due.atZone(settings.notices().zone());
        for (int days = 0; days < 366 && settings.notices().blocked(at.toLocalDate()); days++) {
            at = at.toLocalDate().plusDays(1).atStartOfDay(settings.notices().zone());
        }
        return at.toInstant();
    }
}
