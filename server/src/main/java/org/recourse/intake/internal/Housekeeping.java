package org.recourse.intake.internal;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hourly clean-up: idempotency keys past their retention and abuse counters whose window and
 * block have both ended.
 */
@Configuration(proxyBeanMethods = false)
class Housekeeping {

    @Bean
    RecurringTask<Void> intakeHousekeepingTask(JdbcClient jdbc, IntakeSettings settings, Clock clock) {
        return Tasks.recurring("intake-housekeeping", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    Instant now = Instant.now(clock);
                    jdbc.sql("delete from api_idempotency where created_at < ?")
                            .param(Timestamp.from(now.minus(settings.api().idempotencyRetention()))).update();
                    jdbc.sql("delete from intake_form_submission where created_at < ?")
                            .param(Timestamp.from(now.minus(Duration.ofDays(1)))).update();
                });
    }
}
