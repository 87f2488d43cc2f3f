package org.recourse.takedown.internal.notices;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.recourse.takedown.NoticeOverdue;
import org.recourse.takedown.NotifiedItem;
import org.recourse.takedown.internal.items.NotifiedItems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the rest of the system when a sent notice passes its SLA without a decision. Each notice
 * is claimed by stamping {@code overdue_published_at} in the same transaction that publishes its
 * event, with SKIP LOCKED, so it is announced once however many nodes look at the same moment.
 */
@Service
public class PublishingOverdue {

    public static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final NotifiedItems items;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublishingOverdue(JdbcClient jdbc, NotifiedItems items, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    private record Claimed(UUID id, String reference, String recipientKey, Instant sentAt, Instant slaDueAt) {
    }

    /** @return how many notices were claimed (a full batch means more may be waiting) */
    @Transactional
    public int publishDue() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Claimed> claimed = jdbc.sql("""
                        update takedown_notice set overdue_published_at = ? where id in (
                            select id from takedown_notice
                            where overdue_published_at is null and sla_due_at <= ? and decided_at is null and removed_at is null
                              and status = 'sent'
                            order by sla_due_at limit ? for update skip locked)
                        returning id, reference, recipient_key, sent_at, sla_due_at""")
                .params(now, now, BATCH)
                .query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("recipient_key"),
                        rs.getTimestamp("sent_at").toInstant(), rs.getTimestamp("sla_due_at").toInstant()))
                .list();
        for (Claimed notice : claimed) {
            List<NotifiedItem> online = items.of(notice.id(), true);
            if (!online.isEmpty()) {
                events.publishEvent(new NoticeOverdue(notice.id(), notice.reference(), notice.recipientKey(), notice.sentAt(),
                        notice.slaDueAt(), online));
            }
        }
        return claimed.size();
    }
}
