package org.recourse.intake.internal.bulk;

import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.recourse.audit.AuditActor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler task that runs queued CSV imports on whichever node picks it up. */
@Configuration(proxyBeanMethods = false)
class ImportJobs {

    @Bean
    OneTimeTask<String> csvImportTask(ImportingReports importing) {
        return Tasks.oneTime(ImportingReports.TASK).execute((instance, context) ->
                AuditActor.runAs("system:csv-import", () -> importing.run(UUID.fromString(instance.getData()))));
    }
}
