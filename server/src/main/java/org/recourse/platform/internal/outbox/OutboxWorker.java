package org.recourse.platform.internal.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
    private final Clock clock;
    private volatile Instant lastRun;

    OutboxWorker(Outbox outbox, Environment environment, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.commandLine = environment.getProperty("recourse.command-line", Boolean.class, false);
        this.clock = clock;
        this.lastRun = clock.instant();
        // A node whose scheduled work stopped (a stuck thread, an exhausted pool) still answers
        // scrapes; this says so: seconds since its delivery round last finished.
        Gauge.builder("recourse.node.jobs.last.run.age", () -> Duration.between(lastRun, clock.instant()).toMillis() / 1000.0)
                .description("Since this node's scheduled delivery last finished a round").baseUnit("seconds").register(meters);
    }

    @Scheduled(fixedDelayString = "${recourse.outbox.interval:5s}", initialDelayString = "2s")
    void deliver() {
        if (!commandLine) {
            outbox.deliverDue();
            lastRun = clock.instant();
        }
    }
}
