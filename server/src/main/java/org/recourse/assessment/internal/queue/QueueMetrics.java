package org.recourse.assessment.internal.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code recourse_assessment_queue_oldest_age_seconds}: how long the oldest report has waited for
 * assessment — the figure the 7-day rule of the code of conduct is measured against.
 */
@Component
class QueueMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    QueueMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("recourse.assessment.queue.oldest.age", this::oldestAge)
                .description("How long the oldest report awaiting assessment has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestAge() {
        return jdbc.sql("select min(received_at) from assessment_entry where state = 'awaiting'").query(Timestamp.class).optional()
                .map(oldest -> (double) Duration.between(oldest.toInstant(), clock.instant()).toSeconds()).orElse(0.0);
    }
}
