package org.recourse.takedown.internal.notices;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code recourse_notices_overdue}: notices sent and past their answer deadline (SLA) with no
 * decision and the item not removed — the platforms' part of the chain. Counted at most every
 * 15 seconds, however often Prometheus asks.
 */
@Component
class OverdueNoticeMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private Instant countedAt;
    private double count;

    OverdueNoticeMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("recourse.notices.overdue", this::overdue)
                .description("Notices past their answer deadline without a decision or removal")
                .register(registry);
    }

    private synchronized double overdue() {
        Instant now = clock.instant();
        if (countedAt == null || countedAt.plus(FRESH_FOR).isBefore(now) || countedAt.isAfter(now)) {
            count = jdbc.sql("""
                    select count(*) from takedown_notice
                    where status = 'sent' and decided_at is null and removed_at is null and sla_due_at < ?""")
                    .param(Timestamp.from(now)).query(Long.class).single();
            countedAt = now;
        }
        return count;
    }
}
