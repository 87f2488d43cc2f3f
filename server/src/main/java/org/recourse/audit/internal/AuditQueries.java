package org.recourse.audit.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.recourse.audit.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Browsing the trail for the audit page: newest first, filtered, a page at a time. */
@Repository
class AuditQueries {

    /** What the page is narrowed to; blank means any. {@code from} is a day in the display zone. */
    record Filter(String actor, String action, String objectType, String objectId, LocalDate from) {
    }

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} entries older than entry {@code before} (when given). */
    List<AuditEntry> page(Filter filter, Long before, int limit, ZoneId zone) {
        StringBuilder sql = new StringBuilder("select * from audit_entry where true");
        List<Object> params = new ArrayList<>();
        condition(sql, params, "actor = ?", filter.actor());
        condition(sql, params, "action like ?", filter.action() == null || filter.action().isBlank() ? null : filter.action().trim() + "%");
        condition(sql, params, "object_type = ?", filter.objectType());
        condition(sql, params, "object_id = ?", filter.objectId());
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (before != null) {
            sql.append(" and id < ?");
            params.add(before);
        }
        sql.append(" order by id desc limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(JdbcAuditTrail::entry).list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(clause);
            params.add(value.trim());
        }
    }
}
