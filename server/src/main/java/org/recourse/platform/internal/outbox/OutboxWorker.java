package org.recourse.platform.internal.outbox;

import org.recourse.platform.Outbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node delivers due outbox entries; claims keep two nodes from sending the same one. Off for
 * command-line runs and where {@code recourse.outbox.workers} is false.
 */
@Component
@ConditionalOnProperty(name = "recourse.outbox.workers", havingValue = "true", matchIfMissing = true)
class OutboxWorker {

    private final Outbox outbox;
    private final boolean commandLine;

    OutboxWorker(Outbox outbox, Environment environment) {
        this.outbox = outbox;
        this.commandLine = environment.getProperty("recourse.command-line", Boolean.class, false);
    }

    @Scheduled(fixedDelayString = "${recourse.outbox.interval:5s}", initialDelayString = "2s")
    void deliver() {
        if (!commandLine) {
            outbox.deliverDue();
        }
    }
}
