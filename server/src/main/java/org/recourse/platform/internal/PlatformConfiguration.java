package org.recourse.platform.internal;

import java.time.Clock;

import org.recourse.platform.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

    /** All domain time comes from this clock, in UTC, so tests can reason about it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The task scheduler reads the same clock, and reports a database outage in one line per run. */
    @Bean
    SimpleAsyncTaskSchedulerCustomizer schedulerClock(Clock clock) {
        return scheduler -> {
            scheduler.setClock(clock);
            scheduler.setErrorHandler(scheduledJobFailed());
        };
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer poolSchedulerClock(Clock clock) {
        return scheduler -> {
            scheduler.setClock(clock);
            scheduler.setErrorHandler(scheduledJobFailed());
        };
    }

    /** A job that found the database gone runs again at its next turn; a stack trace a second would bury the log. */
    private static ErrorHandler scheduledJobFailed() {
        return failure -> {
            if (DatabaseUnavailable.causedBy(failure)) {
                log.warn("A scheduled job did not run: the database is unavailable ({})", failure.getClass().getSimpleName());
            } else {
                log.error("Unexpected error in a scheduled job", failure);
            }
        };
    }
}
