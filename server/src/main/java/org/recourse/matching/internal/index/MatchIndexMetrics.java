package org.recourse.matching.internal.index;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The match index's freshness on this node: {@code recourse_match_index_ready} (1 once built) and
 * {@code recourse_match_index_sync_age_seconds} (since it last caught up with the hash banks; the
 * time since start while it was never built).
 */
@Component
class MatchIndexMetrics implements MeterBinder {

    private final MatchIndex index;
    private final Clock clock;
    private final java.time.Instant started;

    MatchIndexMetrics(MatchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("recourse.match.index.ready", () -> index.status().ready() ? 1 : 0)
                .description("Whether this node's match index is built").register(registry);
        Gauge.builder("recourse.match.index.sync.age", () -> {
            java.time.Instant synced = index.status().syncedAt();
            return Duration.between(synced == null ? started : synced, clock.instant()).toMillis() / 1000.0;
        }).description("Since the match index last caught up with the hash banks").baseUnit("seconds").register(registry);
    }
}
