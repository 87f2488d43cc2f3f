package org.recourse.takedown.internal.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.recourse.audit.AuditActor;
import org.recourse.platform.DemoActor;
import org.recourse.platform.DemoDay;
import org.recourse.takedown.internal.TakedownSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's online checks, without a web request: an item is gone once its platform's decision to
 * remove it has taken effect and online otherwise. The checks are recorded the way the monitoring
 * records real ones (misses spaced, offline after the configured number), so removals flow on to the
 * case, the status page, escalation and statistics as they would.
 */
@Component
class MonitoringDemo implements DemoActor {

    private static final Duration WHILE_ONLINE = Duration.ofHours(20);

    private final CheckRecords records;
    private final TakedownSettings settings;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    MonitoringDemo(CheckRecords records, TakedownSettings settings, TransactionTemplate transactions, JdbcClient jdbc) {
        this.records = records;
        this.settings = settings;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public void act(DemoDay day) {
        day.moveTo(22 * 60);
        for (int round = 0; round <= settings.monitoring().missesForOffline(); round++) {
            AuditActor.runAs("system:takedown-monitoring", () -> {
                List<CheckRecords.Due> due;
                do {
                    due = transactions.execute(status -> records.claim(settings.monitoring().batchSize()));
                    Instant now = day.time().now();
                    List<CheckRecords.Result> results = new ArrayList<>();
                    for (CheckRecords.Due item : due) {
                        boolean removed = removed(item, now);
                        results.add(new CheckRecords.Result(item, removed ? CheckOutcome.of(404, null, Set.of())
                                : CheckOutcome.of(200, "same", Set.of("same")), removed ? 404 : 200, null, now));
                    }
                    if (!results.isEmpty()) {
                        transactions.executeWithoutResult(status -> records.record(results,
                                r -> r.checkedAt().plus(r.outcome().isMiss() ? settings.monitoring().missSpacing() : WHILE_ONLINE)));
                    }
                } while (due.size() >= settings.monitoring().batchSize());
            });
            day.time().advanceTo(day.time().now().plus(settings.monitoring().missSpacing()));
        }
    }

    private boolean removed(CheckRecords.Due item, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from takedown_notice_item ni join takedown_notice n on n.id = ni.notice_id
                                       where ni.item_id = ? and n.decision = 'removed' and n.decided_at <= ?)""")
                .params(item.id(), Timestamp.from(now)).query(Boolean.class).single();
    }
}
