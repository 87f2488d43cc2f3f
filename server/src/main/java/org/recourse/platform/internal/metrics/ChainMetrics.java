package org.recourse.platform.internal.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.recourse.platform.NeedsAttention;
import org.recourse.platform.StaffNavigation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prometheus gauges per stage of the chain, from what the modules already contribute — no second
 * set of queries to keep in step with the pages:
 * <ul>
 *   <li>{@code recourse_waiting{stage,page}}: what waits on each staff work list (the navigation's
 *   counts, taken for nobody in particular, so for everyone);</li>
 *   <li>{@code recourse_needs_attention{module}}: the dashboard's "needs attention" entries by module;</li>
 *   <li>{@code recourse_outbox_entries{topic,status}} and {@code recourse_outbox_oldest_due_age_seconds}:
 *   what waits to be sent, failed for good, or is overdue to go out.</li>
 * </ul>
 * Values are computed at most once per {@link #FRESH_FOR} however many scrapers ask; a database
 * that does not answer gives no value (NaN) and the scrape still answers quickly.
 */
@Component
class ChainMetrics implements MeterBinder {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    /** The navigation counts "for" this name: a user that holds no locks and drafted nothing. */
    static final String NOBODY = "metrics:nobody";

    private final List<StaffNavigation> navigation;
    private final List<NeedsAttention> attention;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Cached> cache = new HashMap<>();

    ChainMetrics(List<StaffNavigation> navigation, List<NeedsAttention> attention, JdbcClient jdbc, Clock clock) {
        this.navigation = navigation;
        this.attention = attention;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Cached(Instant at, Map<String, Double> values) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (StaffNavigation entry : navigation) {
            if (entry.waiting() == null) {
                continue;
            }
            Gauge.builder("recourse.waiting", () -> entry.waiting().count(NOBODY))
                    .description("What waits on a staff work list")
                    .tags("stage", entry.stage().name().toLowerCase(Locale.ROOT), "page", entry.href())
                    .register(registry);
        }
        for (NeedsAttention source : attention) {
            String module = module(source);
            Gauge.builder("recourse.needs.attention", () -> value("attention", this::attentionCounts, module))
                    .description("Entries on the needs-attention list, by the module they belong to")
                    .tags("module", module)
                    .register(registry);
        }
        for (String topic : List.of("takedown.notice", "escalation.request")) {
            for (String status : List.of("QUEUED", "FAILED")) {
                Gauge.builder("recourse.outbox.entries", () -> value("outbox", this::outboxCounts, topic + "/" + status))
                        .description("Outbox entries waiting to be sent (QUEUED) or failed for good (FAILED)")
                        .tags("topic", topic, "status", status.toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
        Gauge.builder("recourse.outbox.oldest.due.age", () -> value("outbox", this::outboxCounts, "oldest-due"))
                .description("How long the oldest entry due to be sent has been due")
                .baseUnit("seconds")
                .register(registry);
    }

    /** The module a contribution comes from: {@code org.recourse.<module>....}. */
    private static String module(Object contribution) {
        String[] parts = org.springframework.aop.support.AopUtils.getTargetClass(contribution).getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "platform";
    }

    private Map<String, Double> attentionCounts() {
        Map<String, Double> counts = new HashMap<>();
        for (NeedsAttention source : attention) {
            counts.merge(module(source), (double) source.waiting(10_000).size(), Double::sum);
        }
        return counts;
    }

    private Map<String, Double> outboxCounts() {
        Map<String, Double> counts = new HashMap<>();
        jdbc.sql("select topic, status, count(*) from platform_outbox where status in ('QUEUED', 'FAILED') group by topic, status")
                .query(rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), (double) rs.getLong(3));
                });
        Instant oldest = jdbc.sql("select min(next_attempt_at) from platform_outbox where status = 'QUEUED' and next_attempt_at <= ?")
                .param(java.sql.Timestamp.from(clock.instant())).query(java.sql.Timestamp.class).optional()
                .map(java.sql.Timestamp::toInstant).orElse(null);
        counts.put("oldest-due", oldest == null ? 0.0 : Duration.between(oldest, clock.instant()).toSeconds());
        return counts;
    }

    /** One value of a group computed together, fresh for {@link #FRESH_FOR}; 0 for a key the group does not name. */
    private synchronized double value(String group, Supplier<Map<String, Double>> compute, String key) {
        Cached cached = cache.get(group);
        Instant now = clock.instant();
        if (cached == null || cached.at().plus(FRESH_FOR).isBefore(now) || cached.at().isAfter(now)) {
            cached = new Cached(now, compute.get());
            cache.put(group, cached);
        }
        return cached.values().getOrDefault(key, 0.0);
    }
}
