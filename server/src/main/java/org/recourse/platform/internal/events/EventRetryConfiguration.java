package org.recourse.platform.internal.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One node at a time looks for unfinished event reactions, every {@code recourse.events.interval}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventRetrySettings.class)
class EventRetryConfiguration {

    @Bean
    RecurringTask<Void> unfinishedEventsTask(RetryingUnfinishedEvents retrying, EventRetrySettings settings) {
        return Tasks.recurring("retry-unfinished-events", FixedDelay.of(settings.interval()))
                .execute((instance, context) -> retrying.retryDue());
    }
}
