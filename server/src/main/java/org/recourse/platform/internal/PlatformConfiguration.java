package org.recourse.platform.internal;

import java.time.Clock;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** All domain time comes from this clock, in UTC, so tests can reason about it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The task scheduler (scheduled jobs, the database supervisor) reads the same clock. */
    @Bean
    SimpleAsyncTaskSchedulerCustomizer schedulerClock(Clock clock) {
        return scheduler -> scheduler.setClock(clock);
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer poolSchedulerClock(Clock clock) {
        return scheduler -> scheduler.setClock(clock);
    }
}
