package org.recourse.intake.internal.retention;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.recourse.audit.AuditActor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs case retention nightly at 03:45 UTC on one node of the cluster (db-scheduler's lock). */
@Configuration(proxyBeanMethods = false)
class CaseRetentionJob {

    @Bean
    RecurringTask<Void> caseRetentionTask(ApplyingCaseRetention retention) {
        return Tasks.recurring("case-retention", Schedules.daily(LocalTime.of(3, 45)))
                .execute((instance, context) -> AuditActor.runAs("system:case-retention", () -> {
                    retention.run();
                }));
    }
}
