package org.recourse.intake.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.recourse.intake.ReportsReceived;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code recourse_reports_accepted_total}: reports taken in (every channel), counted once their
 * transaction committed — a report that was refused or rolled back is not counted.
 */
@Component
class IntakeMetrics {

    private final Counter accepted;

    IntakeMetrics(MeterRegistry meters) {
        this.accepted = Counter.builder("recourse.reports.accepted").description("Reports accepted, every channel").register(meters);
    }

    @TransactionalEventListener
    void on(ReportsReceived received) {
        accepted.increment(received.reports().size());
    }
}
