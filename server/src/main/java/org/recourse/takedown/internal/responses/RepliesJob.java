package org.recourse.takedown.internal.responses;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.recourse.audit.AuditActor;
import org.recourse.takedown.internal.TakedownSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the notice mailbox on one node at a time (db-scheduler), when one is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "recourse.takedown.replies.enabled", havingValue = "true")
class RepliesJob {

    private static final Logger log = LoggerFactory.getLogger(RepliesJob.class);

    @Bean
    RecurringTask<Void> takedownRepliesTask(ReadingReplies replies, TakedownSettings settings) {
        return Tasks.recurring("takedown-replies", FixedDelay.of(settings.replies().pollInterval()))
                .execute((instance, context) -> AuditActor.runAs("system:takedown-replies", () -> {
                    try {
                        replies.poll();
                    } catch (Exception e) {
                        log.warn("Notice mailbox could not be read: {}", e.getClass().getSimpleName());
                    }
                }));
    }
}
