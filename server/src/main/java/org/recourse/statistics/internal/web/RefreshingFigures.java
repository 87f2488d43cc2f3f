package org.recourse.statistics.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.recourse.platform.DisplayTime;
import org.recourse.statistics.internal.export.Releases;
import org.recourse.statistics.internal.measures.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the figures people open most computed, on one node at a time (db-scheduler), every four
 * minutes — inside the five minutes a snapshot is kept — so those pages never scan a period's facts
 * while someone waits: the overview of the running quarter and year, the running quarter's
 * scorecards, and the release of the last completed quarter (the transparency page); in the first
 * quarter of a year, when last year's annual reports are drafted, also last year's release.
 */
@Configuration(proxyBeanMethods = false)
class RefreshingFigures {

    private static final Logger log = LoggerFactory.getLogger(RefreshingFigures.class);

    @Bean
    RecurringTask<Void> statisticsRefreshTask(StatisticsQueries overview, ScorecardQueries scorecards, Releases releases,
                                              Clock clock, DisplayTime time) {
        return Tasks.recurring("statistics-refresh", FixedDelay.of(Duration.ofMinutes(4)))
                .execute((instance, context) -> {
                    LocalDate today = LocalDate.now(clock.withZone(time.zone()));
                    Period quarter = Period.quarterOf(today);
                    try {
                        overview.refresh(quarter);
                        overview.refresh(new Period(Period.Kind.YEAR, today.getYear(), 0));
                        scorecards.refresh(quarter);
                        releases.refresh(quarter.previous());
                        if (quarter.number() == 1) {
                            releases.refresh(new Period(Period.Kind.YEAR, today.getYear() - 1, 0));
                        }
                    } catch (RuntimeException e) {
                        log.warn("Statistics not refreshed: {}", e.getClass().getSimpleName());
                    }
                });
    }
}
