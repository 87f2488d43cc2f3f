package org.recourse.takedown.internal.monitoring;

import java.sql.Timestamp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.recourse.audit.AuditTrail;
import org.recourse.takedown.ItemTakenDown;
import org.recourse.takedown.NoticeContentRemoved;
import org.recourse.takedown.internal.TakedownNode;
import org.recourse.takedown.internal.TakedownSettings;
import org.recourse.takedown.internal.items.CaseProgress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims due checks and records their outcomes. An item goes offline after {@code missesForOffline}
 * consecutive misses; when the last watched item of a case goes offline, the reporter's status
 * page says the content was removed, and "partly removed" while others are still watched.
 */
@Repository
class CheckRecords {

    record Due(UUID id, UUID caseId, UUID reportedItemId, String url, String host, String recipientKey, int misses,
               Instant firstNotifiedAt, String recipientSource, String hosterFingerprint, String lastIp) {

        /** Routed by hoster resolution and now answered from another address: the hoster may have changed. */
        boolean addressChanged(String resolvedIp) {
            return "hosting".equals(recipientSource) && lastIp != null && resolvedIp != null && !lastIp.equals(resolvedIp);
        }
    }

    record Result(Due item, CheckOutcome outcome, Integer httpStatus, String resolvedIp, Instant checkedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CaseProgress progress;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TakedownSettings settings;
    private final TakedownNode node;
    private final Clock clock;

    private final MeterRegistry meters;

    CheckRecords(JdbcClient jdbc, JdbcTemplate template, CaseProgress progress, AuditTrail audit, ApplicationEventPublisher events,
                 TakedownSettings settings, TakedownNode node, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        // Registered at start, so a scrape shows them (at 0) before the first check.
        for (String kind : List.of("online", "miss")) {
            checks(kind);
        }
        this.jdbc = jdbc;
        this.template = template;
        this.progress = progress;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.node = node;
        this.clock = clock;
    }

    List<Due> claim(int limit) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        update takedown_item set check_claimed_until = ?
                        where id in (select id from takedown_item
                                     where status = 'notified' and next_check_at <= ?
                                       and (check_claimed_until is null or check_claimed_until < ?)
                                     order by next_check_at limit ? for update skip locked)
                        returning id, case_id, reported_item_id, url, host, recipient_key, misses, first_notified_at,
                            recipient_source, hoster_fingerprint, last_ip""")
                .params(Timestamp.from(now.plus(settings.monitoring().claimLease())), Timestamp.from(now), Timestamp.from(now), limit)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10),
                        rs.getString(11)))
                .list();
    }

    void record(List<Result> results, Function<Result, Instant> nextCheck) {
        template.batchUpdate("insert into takedown_check (item_id, checked_at, outcome, http_status, checked_by) values (?, ?, ?, ?, ?)",
                results, 500, (ps, r) -> {
                    ps.setObject(1, r.item().id());
                    ps.setTimestamp(2, Timestamp.from(r.checkedAt()));
                    ps.setString(3, r.outcome().code());
                    ps.setObject(4, r.httpStatus());
                    ps.setString(5, node.id());
                });
        for (Result r : results) {
            checks(r.outcome().isMiss() ? "miss" : "online").increment();
        }
        List<Result> offline = new ArrayList<>();
        List<Object[]> stillWatched = new ArrayList<>();
        for (Result r : results) {
            int misses = r.outcome().isMiss() ? r.item().misses() + 1 : 0;
            if (misses >= settings.monitoring().missesForOffline()) {
                offline.add(r);
            } else {
                stillWatched.add(new Object[] {misses, Timestamp.from(r.checkedAt()), Timestamp.from(nextCheck.apply(r)),
                        r.resolvedIp(), r.item().id()});
            }
        }
        template.batchUpdate("""
                update takedown_item set misses = ?, last_checked_at = ?, next_check_at = ?, check_claimed_until = null,
                    last_ip = coalesce(?, last_ip)
                where id = ? and status = 'notified'""", stillWatched);
        offline.forEach(this::takenDown);
    }

    /** Puts an item whose hoster changed in CHANGED for an analyst; it is no longer checked or re-notified. */
    void changed(Due item, String reason) {
        if (jdbc.sql("update takedown_item set status = 'changed', changed_reason = ?, next_check_at = null where id = ? and status = 'notified'")
                .params(reason, item.id()).update() == 1) {
            audit.record("takedown.item-changed", "takedown_item", item.id().toString(), "hoster changed while monitored");
        }
    }

    private void takenDown(Result r) {
        Due item = r.item();
        int changed = jdbc.sql("""
                        update takedown_item set status = 'offline', misses = misses + 1, offline_at = ?, last_checked_at = ?,
                            next_check_at = null, check_claimed_until = null
                        where id = ? and status = 'notified'""")
                .params(Timestamp.from(r.checkedAt()), Timestamp.from(r.checkedAt()), item.id()).update();
        if (changed == 0) {
            return;
        }
        audit.record("takedown.item-offline", "takedown_item", item.id().toString(), "last check " + r.outcome().code());
        events.publishEvent(new ItemTakenDown(item.caseId(), item.reportedItemId(), item.url(), item.recipientKey(),
                item.firstNotifiedAt(), r.checkedAt()));
        jdbc.sql("""
                        update takedown_notice n set removed_at = ?
                        where removed_at is null and status = 'sent'
                          and n.id in (select notice_id from takedown_notice_item where item_id = ?)
                          and not exists (select 1 from takedown_notice_item ni join takedown_item i on i.id = ni.item_id
                                          where ni.notice_id = n.id and i.status <> 'offline')
                        returning n.id""")
                .params(Timestamp.from(r.checkedAt()), item.id()).query(UUID.class).list()
                .forEach(notice -> events.publishEvent(new NoticeContentRemoved(notice, r.checkedAt())));
        Map<String, Object> open = jdbc.sql("""
                        select count(*) filter (where status in ('pending', 'notified', 'changed')) as watched
                        from takedown_item where case_id = ?""").param(item.caseId()).query().singleRow();
        if (((Number) open.get("watched")).intValue() == 0) {
            progress.removed(item.caseId());
        } else {
            progress.partlyRemoved(item.caseId());
        }
    }

    /** {@code recourse_takedown_checks_total{result}}: online checks of notified items, by whether the item was still there. */
    private Counter checks(String result) {
        return Counter.builder("recourse.takedown.checks").description("Online checks of notified items")
                .tag("result", result).register(meters);
    }
}
