package org.recourse.takedown.internal;

import org.recourse.audit.AuditActor;
import org.recourse.takedown.internal.outbox.SendingNotices;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node sends from the outbox; rows are claimed with SKIP LOCKED, so nodes share the work
 * without sending anything twice. Off for command-line runs and where {@code recourse.takedown.workers}
 * is false.
 */
@Component
@ConditionalOnProperty(name = "recourse.takedown.workers", havingValue = "true", matchIfMissing = true)
class TakedownWorkers {

    private final SendingNotices sending;
    private final boolean commandLine;

    TakedownWorkers(SendingNotices sending, org.springframework.core.env.Environment environment) {
        this.sending = sending;
        this.commandLine = environment.getProperty("recourse.command-line", Boolean.class, false);
    }

    @Scheduled(fixedDelayString = "${recourse.takedown.notices.send-interval:5s}", initialDelayString = "2s")
    void send() {
        if (!commandLine) {
            AuditActor.runAs("system:takedown-outbox", sending::sendWaiting);
        }
    }
}
