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

    /**
     * All domain time comes from this clock, in UTC, so tests can reason about it. Only
     * {@code ./recourse demo} runs on a simulated clock ({@code recourse.demo.simulated-clock}).
     */
    @Bean
    Clock clock(org.springframework.core.env.Environment environment) {
        if (environment.getProperty("recourse.demo.simulated-clock", Boolean.class, false)) {
            if (!environment.getProperty("recourse.command-line", Boolean.class, false)) {
                throw new IllegalStateException("recourse.demo.simulated-clock is for ./recourse demo only, never for a server");
            }
            return new org.recourse.platform.internal.demo.SimulatedClock();
        }
        return Clock.systemUTC();
    }

    /** Body limits, unparseable forms and control characters, before anything else reads the request. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestLimits> requestLimits(
            @org.springframework.beans.factory.annotation.Value("${recourse.api.max-body}") org.springframework.util.unit.DataSize apiMaxBody,
            @org.springframework.beans.factory.annotation.Value("${server.tomcat.max-http-form-post-size}") org.springframework.util.unit.DataSize formMax) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new RequestLimits(apiMaxBody, formMax));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        return registration;
    }

    /** Throttle counts are kept a day (the longest any limit remembers), then forgotten. */
    @Bean
    com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> throttleHousekeeping(org.recourse.platform.Throttle throttle,
                                                                                      Clock clock) {
        return com.github.kagkarlsson.scheduler.task.helper.Tasks.recurring("throttle-housekeeping",
                        com.github.kagkarlsson.scheduler.task.schedule.FixedDelay.of(java.time.Duration.ofHours(1)))
                .execute((instance, context) -> throttle.forget(clock.instant().minus(java.time.Duration.ofDays(1))));
    }

    /** No JSON string may carry NUL or other control characters (see {@link ControlCharacters}). */
    @Bean
    tools.jackson.databind.JacksonModule controlCharacters() {
        return ControlCharacters.jsonModule();
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
