package org.recourse.evidence.internal.retention;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.recourse.audit.AuditActor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs retention nightly at 03:30 UTC on one node of the cluster (db-scheduler's lock). */
@Configuration(proxyBeanMethods = false)
class RetentionJob {

    @Bean
    RecurringTask<Void> evidenceRetentionTask(ApplyingRetention retention) {
        return Tasks.recurring("evidence-retention", Schedules.daily(LocalTime.of(3, 30)))
                .execute((instance, context) -> AuditActor.runAs("system:evidence-retention", () -> {
                    retention.run();
                }));
    }
}
