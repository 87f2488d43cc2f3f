package org.recourse.takedown.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.platform.Outbox;
import org.recourse.platform.OutboxEntry;
import org.recourse.takedown.internal.notices.NoticeTiming;
import org.recourse.takedown.internal.outbox.SendingNotices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading notices and a case's items for the staff pages: one notice with its text, items,
 * responses and how its sending goes (attempts, next attempt, the last error in words). Every
 * read is audited.
 */
@Service
class NoticeDetails {

    /** The text and addressing of a notice as sent. */
    record Text(String subject, String body, String address, String messageId, String externalReference) {
    }

    /** One notice as its page shows it; {@code delivery} is empty for web-form notices, which do not go through the outbox. */
    record Details(NoticeClock.NoticeRow notice, Text text, List<Timelines.Item> items, List<Timelines.Response> responses,
                   Optional<OutboxEntry> delivery) {
    }

    /** A case's items, with when a waiting item's notice will go. */
    record CaseItems(List<Timelines.Item> items, Map<UUID, Instant> goesAt) {
    }

    private final NoticeClock clock;
    private final Timelines timelines;
    private final Outbox outbox;
    private final NoticeTiming timing;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    NoticeDetails(NoticeClock clock, Timelines timelines, Outbox outbox, NoticeTiming timing, JdbcClient jdbc, AuditTrail audit) {
        this.clock = clock;
        this.timelines = timelines;
        this.outbox = outbox;
        this.timing = timing;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    Optional<Details> notice(UUID id) {
        Optional<NoticeClock.NoticeRow> notice = clock.notice(id);
        if (notice.isEmpty()) {
            return Optional.empty();
        }
        Text text = jdbc.sql("select subject, body, address, message_id, external_reference from takedown_notice where id = ?")
                .param(id).query((rs, n) -> new Text(rs.getString("subject"), rs.getString("body"), rs.getString("address"),
                        rs.getString("message_id"), rs.getString("external_reference"))).single();
        audit.record("takedown.notice-viewed", "takedown_notice", id.toString(), null);
        return Optional.of(new Details(notice.get(), text, timelines.itemsOfNotice(id), timelines.responses(id),
                outbox.find(SendingNotices.TOPIC, id)));
    }

    /** A case's items; the caller audits the view of the page they are on. */
    CaseItems items(UUID caseId) {
        List<Timelines.Item> items = timelines.itemsOfCase(caseId);
        Map<UUID, Instant> goesAt = new java.util.HashMap<>();
        items.stream().filter(i -> i.waitingSince() != null).forEach(i -> goesAt.put(i.id(), timing.firstNoticeAt(i.waitingSince())));
        return new CaseItems(items, goesAt);
    }
}
