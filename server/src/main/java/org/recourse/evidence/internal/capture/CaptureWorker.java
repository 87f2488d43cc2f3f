package org.recourse.evidence.internal.capture;

import java.time.Duration;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.recourse.audit.AuditActor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Works the capture queue every few seconds, on whichever node db-scheduler picks. */
@Configuration(proxyBeanMethods = false)
public class CaptureWorker {

    private static final int PER_RUN = 20;

    /** A node can leave captures to the others ({@code RECOURSE_CAPTURE_WORKER=false}), e.g. one without chromium. */
    @Bean
    @ConditionalOnBooleanProperty(name = "recourse.evidence.capture.worker", matchIfMissing = true)
    RecurringTask<Void> evidenceCaptureTask(CaptureRequests requests, CapturingEvidence capturing) {
        return Tasks.recurring("evidence-capture", FixedDelay.of(Duration.ofSeconds(5)))
                .execute((instance, context) -> drain(requests, capturing));
    }

    /** Captures waiting requests, at most {@value #PER_RUN} per run so a long queue does not hold the task. */
    public static int drain(CaptureRequests requests, CapturingEvidence capturing) {
        for (int done = 0; done < PER_RUN; done++) {
            Optional<CaptureRequests.CaptureRequest> next = requests.claimNext();
            if (next.isEmpty()) {
                return done;
            }
            AuditActor.runAs("system:evidence-capture", () -> capturing.capture(next.get()));
        }
        return PER_RUN;
    }
}
