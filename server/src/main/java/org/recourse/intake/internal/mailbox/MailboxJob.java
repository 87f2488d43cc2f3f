package org.recourse.intake.internal.mailbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.recourse.audit.AuditActor;
import org.recourse.intake.internal.IntakeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Polls the intake mailbox on one node at a time (db-scheduler), when a mailbox is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "recourse.intake.mailbox.enabled", havingValue = "true")
class MailboxJob {

    private static final Logger log = LoggerFactory.getLogger(MailboxJob.class);

    @Bean
    RecurringTask<Void> intakeMailboxTask(MailboxIntake intake, IntakeSettings settings) {
        return Tasks.recurring("intake-mailbox", FixedDelay.of(settings.mailbox().pollInterval()))
                .execute((instance, context) -> AuditActor.runAs("system:intake-mailbox", () -> {
                    try {
                        MailboxIntake.Poll poll = intake.poll(settings.mailbox());
                        log.info("Intake mailbox: {} processed, {} left, {} reports created, {} rejected, {} items updated",
                                poll.processed(), poll.ignored(), poll.reportsCreated(), poll.reportsRejected(),
                                poll.itemsUpdated());
                    } catch (Exception e) {
                        log.warn("Intake mailbox could not be read: {}", e.getClass().getSimpleName());
                    }
                }));
    }
}
