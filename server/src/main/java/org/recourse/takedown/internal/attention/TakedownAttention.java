package org.recourse.takedown.internal.attention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.takedown.internal.items.ItemStatus;
import org.recourse.takedown.internal.notices.NoticeStatus;
import org.recourse.platform.AttentionItem;
import org.recourse.platform.NeedsAttention;
import org.recourse.platform.Outbox;
import org.recourse.platform.OutboxEntry;
import org.recourse.takedown.internal.outbox.SendingNotices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notice and action's entries on the "needs attention" list: an item without a recipient or
 * without a known notice channel (route it by hand, or add the channel to the directory), a
 * hoster to confirm, a hoster that changed, a notice that could not be sent (resend it or change
 * the recipient) and a notice e-mail that came back as undeliverable.
 */
@Component
class TakedownAttention implements NeedsAttention {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Outbox outbox;

    TakedownAttention(JdbcClient jdbc, Directory directory, Outbox outbox) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.outbox = outbox;
    }

    @Override
    public Set<String> roles() {
        return Set.of("ANALYST", "COORDINATOR", "ADMIN");
    }

    @Override
    @Transactional(readOnly = true)
    public List<AttentionItem> waiting(int limit) {
        List<AttentionItem> items = new ArrayList<>(stalledItems(limit));
        items.addAll(undeliveredNotices(limit));
        return AttentionItem.longestWaitingFirst(items, limit);
    }

    private List<AttentionItem> stalledItems(int limit) {
        return jdbc.sql("""
                        select id, case_id, url, host, recipient_key, recipient_source, status, changed_reason,
                               case when status = 'changed' then coalesce(last_checked_at, created_at) else created_at end as since
                        from takedown_item where status in ('unrouted', 'changed') order by since limit ?""")
                .param(limit).query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID caseId = rs.getObject("case_id", UUID.class);
                    Instant since = rs.getTimestamp("since").toInstant();
                    String route = "/staff/takedown/items/" + id + "/route";
                    String host = rs.getString("host");
                    if (ItemStatus.CHANGED.code().equals(rs.getString("status"))) {
                        return new AttentionItem("takedown.attention.hoster-changed", List.of(host, String.valueOf(rs.getString("changed_reason"))),
                                caseId, "takedown.attention.action.route", route, since);
                    }
                    String key = rs.getString("recipient_key");
                    if (key == null) {
                        return new AttentionItem("takedown.attention.no-recipient", List.of(host), caseId,
                                "takedown.attention.action.route", route, since);
                    }
                    java.util.Optional<Organisation> organisation = directory.findByKey(key);
                    String name = organisation.map(Organisation::name).orElse(key);
                    boolean channel = organisation.map(Organisation::noticeChannelKnown).orElse(false);
                    if (channel && "hosting".equals(rs.getString("recipient_source"))) {
                        return new AttentionItem("takedown.attention.confirm-hoster", List.of(name, host), caseId,
                                "takedown.attention.action.confirm", "/staff/directory/hosting", since);
                    }
                    return new AttentionItem("takedown.attention.no-channel", List.of(name, host), caseId,
                            "takedown.attention.action.add-channel", route, since);
                }).list();
    }

    private List<AttentionItem> undeliveredNotices(int limit) {
        return jdbc.sql("""
                        select distinct n.id, n.reference, n.recipient_name, n.status, n.bounce_reason, i.case_id,
                               coalesce(n.failed_at, n.bounced_at, n.created_at) as since
                        from takedown_notice n
                        join takedown_notice_item ni on ni.notice_id = n.id
                        join takedown_item i on i.id = ni.item_id and i.status = 'undelivered'
                        where n.status in ('failed', 'bounced') order by since limit ?""")
                .param(limit).query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Timestamp since = rs.getTimestamp("since");
                    String page = "/staff/takedown/notices/" + id;
                    if (NoticeStatus.BOUNCED.code().equals(rs.getString("status"))) {
                        return new AttentionItem("takedown.attention.bounced", List.of(rs.getString("reference"),
                                rs.getString("recipient_name"), String.valueOf(rs.getString("bounce_reason"))),
                                rs.getObject("case_id", UUID.class), "takedown.attention.action.reroute", page, since.toInstant());
                    }
                    String error = outbox.find(SendingNotices.TOPIC, id).map(OutboxEntry::lastError).orElse("");
                    return new AttentionItem("takedown.attention.send-failed", List.of(rs.getString("reference"),
                            rs.getString("recipient_name"), error), rs.getObject("case_id", UUID.class),
                            "takedown.attention.action.resend", page, since.toInstant());
                }).list();
    }
}
