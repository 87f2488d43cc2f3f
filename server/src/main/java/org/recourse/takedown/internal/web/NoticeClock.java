package org.recourse.takedown.internal.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.recourse.takedown.internal.notices.NoticeStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The clock of notice and action: how long recipients take to acknowledge and to remove, per
 * notice and per recipient, and which notices are past their SLA without removal or decision.
 */
@Repository
class NoticeClock {

    /** One notice in lists, with its clock. */
    record NoticeRow(UUID id, String reference, String recipientKey, String recipientName, String channel, String kind,
                     NoticeStatus status, boolean trustedFlagger, Instant createdAt, Instant sentAt, Instant slaDueAt,
                     Instant acknowledgedAt, Instant removedAt, String decision, int items, Instant failedAt, String bounceReason) {

        /** Failed for good or bounced: overdue from that moment, since nothing reached the recipient. */
        public Instant undeliveredSince() {
            return failedAt == null ? createdAt : failedAt;
        }

        public Duration toAcknowledgement() {
            return sentAt == null || acknowledgedAt == null ? null : Duration.between(sentAt, acknowledgedAt);
        }

        public Duration toRemoval() {
            return sentAt == null || removedAt == null ? null : Duration.between(sentAt, removedAt);
        }
    }

    /** A notice past its SLA: who, and by how much. */
    record Overdue(NoticeRow notice, Duration by) {
    }

    /** Averages per recipient, in hours; null where nothing was measured yet. */
    record RecipientClock(String recipientKey, String recipientName, long notices, long acknowledged, long removed,
                          Double hoursToAcknowledgement, Double hoursToRemoval, long overdue) {
    }

    private static final String NOTICE_COLUMNS = """
            select n.id, n.reference, n.recipient_key, n.recipient_name, n.channel, n.kind, n.status, n.trusted_flagger,
                   n.created_at, n.sent_at, n.sla_due_at, n.acknowledged_at, n.removed_at, n.decision,
                   coalesce(n.failed_at, n.bounced_at) as failed_at, n.bounce_reason,
                   (select count(*) from takedown_notice_item ni where ni.notice_id = n.id) as items
            from takedown_notice n
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    NoticeClock(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<NoticeRow> recent(int limit) {
        return jdbc.sql(NOTICE_COLUMNS + " order by n.created_at desc limit ?").param(limit).query(NoticeClock::row).list();
    }

    java.util.Optional<NoticeRow> notice(UUID id) {
        return jdbc.sql(NOTICE_COLUMNS + " where n.id = ?").param(id).query(NoticeClock::row).optional();
    }

    List<NoticeRow> forCase(UUID caseId) {
        return jdbc.sql(NOTICE_COLUMNS + """
                 where n.id in (select ni.notice_id from takedown_notice_item ni join takedown_item i on i.id = ni.item_id
                                where i.case_id = ?) order by n.created_at""").param(caseId).query(NoticeClock::row).list();
    }

    /**
     * Sent notices past their SLA whose content is neither removed nor decided on, and notices that
     * never reached their recipient (failed for good or bounced) while an item of theirs still waits
     * for a person; most overdue first.
     */
    List<Overdue> overdue() {
        Instant now = clock.instant();
        return jdbc.sql(NOTICE_COLUMNS + """
                         where (n.status = 'sent' and n.sla_due_at < ? and n.removed_at is null and n.decided_at is null)
                            or (n.status in ('failed', 'bounced') and exists (
                                  select 1 from takedown_notice_item ni join takedown_item i on i.id = ni.item_id
                                  where ni.notice_id = n.id and i.status = 'undelivered'))""")
                .param(Timestamp.from(now)).query(NoticeClock::row).list()
                .stream().map(n -> new Overdue(n, Duration.between(n.status().undelivered() ? n.undeliveredSince() : n.slaDueAt(), now)))
                .sorted(java.util.Comparator.comparing(Overdue::by).reversed()).toList();
    }

    /** How many notices {@link #overdue()} lists, in one count. */
    long overdueCount() {
        return jdbc.sql("""
                        select count(*) from takedown_notice n
                        where n.status = 'sent' and n.sla_due_at < ? and n.removed_at is null and n.decided_at is null""")
                .param(Timestamp.from(clock.instant())).query(Long.class).single();
    }

    private static NoticeRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new NoticeRow(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("recipient_key"),
                rs.getString("recipient_name"), rs.getString("channel"), rs.getString("kind"), NoticeStatus.fromCode(rs.getString("status")),
                rs.getBoolean("trusted_flagger"), instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "sla_due_at"),
                instant(rs, "acknowledged_at"), instant(rs, "removed_at"), rs.getString("decision"), rs.getInt("items"),
                instant(rs, "failed_at"), rs.getString("bounce_reason"));
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    List<RecipientClock> perRecipient() {
        return jdbc.sql("""
                        select recipient_key, max(recipient_name) as recipient_name, count(*) as notices,
                               count(acknowledged_at) as acknowledged, count(removed_at) as removed,
                               (avg(extract(epoch from acknowledged_at - sent_at)) / 3600)::float8 as hours_to_acknowledgement,
                               (avg(extract(epoch from removed_at - sent_at)) / 3600)::float8 as hours_to_removal,
                               count(*) filter (where sla_due_at < ? and removed_at is null and decided_at is null) as overdue
                        from takedown_notice where status = 'sent' group by recipient_key order by max(recipient_name)""")
                .param(Timestamp.from(clock.instant())).query((rs, n) -> new RecipientClock(rs.getString("recipient_key"), rs.getString("recipient_name"), rs.getLong("notices"),
                        rs.getLong("acknowledged"), rs.getLong("removed"), rs.getObject("hours_to_acknowledgement", Double.class),
                        rs.getObject("hours_to_removal", Double.class), rs.getLong("overdue"))).list();
    }
}
