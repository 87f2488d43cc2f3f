package org.recourse.takedown.internal.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.recourse.takedown.internal.items.ItemStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened to a case's items, notices and responses, in time order. */
@Repository
class Timelines {

    /** One line of the timeline; {@code what} is a message key, {@code detail} is shown as is. */
    record Entry(Instant at, String what, String detail, UUID noticeId) {
    }

    /** @param waitingSince for a waiting item, the decision time of its recipient's oldest waiting item */
    record Item(UUID id, String url, String recipientKey, ItemStatus status, Instant decidedAt, Instant firstNotifiedAt,
                Instant offlineAt, Instant lastCheckedAt, int misses, String changedReason, Instant waitingSince) {

        public java.time.Duration toRemoval() {
            return firstNotifiedAt == null || offlineAt == null ? null : java.time.Duration.between(firstNotifiedAt, offlineAt);
        }
    }

    record Response(Instant receivedAt, String kind, String decision, String reasons, String source, String recordedBy) {
    }

    private static final String ITEM_COLUMNS = "select i.id, i.url, i.recipient_key, i.status, i.decided_at, i.first_notified_at, "
            + "i.offline_at, i.last_checked_at, i.misses, i.changed_reason, case when i.status = 'pending' then "
            + "(select min(p.decided_at) from takedown_item p where p.status = 'pending' and p.recipient_key = i.recipient_key) "
            + "end as waiting_since from takedown_item i";

    private final JdbcClient jdbc;

    Timelines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Item> itemsOfCase(UUID caseId) {
        return jdbc.sql(ITEM_COLUMNS + " where i.case_id = ? order by i.decided_at").param(caseId).query(Timelines::item).list();
    }

    List<Item> itemsOfNotice(UUID noticeId) {
        return jdbc.sql(ITEM_COLUMNS + " join takedown_notice_item ni on ni.item_id = i.id where ni.notice_id = ? order by i.url")
                .param(noticeId).query(Timelines::item).list();
    }

    List<Response> responses(UUID noticeId) {
        return jdbc.sql("select received_at, kind, decision, reasons, source, recorded_by from takedown_response "
                        + "where notice_id = ? order by received_at")
                .param(noticeId).query((rs, n) -> new Response(NoticeClock.instant(rs, "received_at"), rs.getString("kind"),
                        rs.getString("decision"), rs.getString("reasons"), rs.getString("source"), rs.getString("recorded_by")))
                .list();
    }

    /** One online check of an item. */
    record Check(UUID itemId, Instant checkedAt, String outcome, Integer httpStatus) {
    }

    /** The latest {@code perItem} checks of each of the case's items, newest first. */
    List<Check> latestChecks(UUID caseId, int perItem) {
        return jdbc.sql("""
                        select item_id, checked_at, outcome, http_status from (
                            select c.*, row_number() over (partition by c.item_id order by c.checked_at desc) as n
                            from takedown_check c join takedown_item i on i.id = c.item_id where i.case_id = ?) latest
                        where n <= ? order by item_id, checked_at desc""")
                .params(caseId, perItem)
                .query((rs, n) -> new Check(rs.getObject("item_id", UUID.class), NoticeClock.instant(rs, "checked_at"),
                        rs.getString("outcome"), (Integer) rs.getObject("http_status")))
                .list();
    }

    List<Entry> forCase(UUID caseId) {
        List<Entry> entries = new ArrayList<>();
        for (Item item : itemsOfCase(caseId)) {
            entries.add(new Entry(item.decidedAt(), "takedown.timeline.decided", item.url(), null));
            if (item.offlineAt() != null) {
                entries.add(new Entry(item.offlineAt(), "takedown.timeline.offline", item.url(), null));
            }
        }
        jdbc.sql("""
                        select n.id, n.created_at, n.sent_at, n.reference, n.recipient_name, n.channel from takedown_notice n
                        where n.id in (select ni.notice_id from takedown_notice_item ni join takedown_item i on i.id = ni.item_id
                                       where i.case_id = ?)""")
                .param(caseId).query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String detail = rs.getString("reference") + " · " + rs.getString("recipient_name");
                    entries.add(new Entry(NoticeClock.instant(rs, "created_at"), "takedown.timeline.queued", detail, id));
                    if (rs.getTimestamp("sent_at") != null) {
                        entries.add(new Entry(NoticeClock.instant(rs, "sent_at"), "takedown.timeline.sent", detail, id));
                    }
                    for (Response r : responses(id)) {
                        entries.add(new Entry(r.receivedAt(),
                                "takedown.timeline." + r.kind() + (r.decision() == null ? "" : "." + r.decision()),
                                rs.getString("reference"), id));
                    }
                    return id;
                }).list();
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    private static Item item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Item(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("recipient_key"),
                ItemStatus.fromCode(rs.getString("status")), NoticeClock.instant(rs, "decided_at"),
                NoticeClock.instant(rs, "first_notified_at"), NoticeClock.instant(rs, "offline_at"),
                NoticeClock.instant(rs, "last_checked_at"), rs.getInt("misses"), rs.getString("changed_reason"),
                NoticeClock.instant(rs, "waiting_since"));
    }
}
