package org.recourse.takedown.internal.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.Cases;
import org.recourse.takedown.internal.TakedownNode;
import org.recourse.takedown.internal.TakedownSettings;
import org.recourse.takedown.internal.notices.NoticeContent;
import org.recourse.takedown.internal.notices.NoticeContents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox sender. A notice is claimed in its own short transaction (status {@code sending}
 * with a lease, rows picked with FOR UPDATE SKIP LOCKED so no two nodes claim the same one),
 * delivered outside any transaction, then marked sent with the Message-ID it carried. A node that
 * dies mid-delivery leaves the claim to expire; the next claim delivers again with the same
 * Message-ID and reference. A notice marked sent is never claimed again.
 */
@Service
public class SendingNotices {

    private static final Logger log = LoggerFactory.getLogger(SendingNotices.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, NoticeChannel> channels;
    private final NoticeContents contents;
    private final Cases cases;
    private final AuditTrail audit;
    private final TakedownSettings settings;
    private final TakedownNode node;
    private final Clock clock;

    SendingNotices(JdbcClient jdbc, TransactionTemplate transactions, List<NoticeChannel> channels, NoticeContents contents,
                   Cases cases, AuditTrail audit, TakedownSettings settings, TakedownNode node, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.channels = channels.stream().collect(Collectors.toMap(NoticeChannel::code, Function.identity()));
        this.contents = contents;
        this.cases = cases;
        this.audit = audit;
        this.settings = settings;
        this.node = node;
        this.clock = clock;
    }

    /** Sends waiting notices one by one until none is left to claim; returns how many were sent. */
    public int sendWaiting() {
        int sent = 0;
        while (!Thread.currentThread().isInterrupted()) {
            if (settings.notices().blocked(clock.instant().atZone(settings.notices().zone()).toLocalDate())) {
                return sent;
            }
            OutgoingNotice notice = transactions.execute(status -> claim());
            if (notice == null) {
                return sent;
            }
            if (deliver(notice)) {
                sent++;
            }
        }
        return sent;
    }

    private OutgoingNotice claim() {
        Instant now = clock.instant();
        Map<String, Object> row = jdbc.sql("""
                        update takedown_notice set status = 'sending', claimed_until = ?, attempts = attempts + 1
                        where id = (select id from takedown_notice
                                    where (status = 'queued' or (status = 'sending' and claimed_until < ?))
                                    order by created_at limit 1 for update skip locked)
                        returning id, reference, recipient_key, recipient_name, trusted_flagger, channel, address, language,
                            subject, body, message_id""")
                .params(Timestamp.from(now.plus(settings.notices().sendLease())), Timestamp.from(now))
                .query().listOfRows().stream().findFirst().orElse(null);
        if (row == null) {
            return null;
        }
        UUID id = (UUID) row.get("id");
        List<UUID> items = jdbc.sql("select item_id from takedown_notice_item where notice_id = ?").param(id).query(UUID.class).list();
        NoticeContent content = contents.build((String) row.get("reference"), (String) row.get("recipient_name"),
                (Boolean) row.get("trusted_flagger"), items);
        return new OutgoingNotice(id, (String) row.get("reference"), (String) row.get("recipient_key"), (String) row.get("channel"),
                (String) row.get("address"), (String) row.get("language"), (String) row.get("subject"), (String) row.get("body"),
                (String) row.get("message_id"), content);
    }

    private boolean deliver(OutgoingNotice notice) {
        NoticeChannel channel = channels.get(notice.channel());
        String externalReference;
        try {
            externalReference = channel.deliver(notice);
        } catch (Exception e) {
            String reason = e.getClass().getSimpleName();
            log.warn("Notice {} not delivered over {}: {}", notice.reference(), notice.channel(), reason);
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                                update takedown_notice set status = case when attempts >= ? then 'failed' else 'queued' end,
                                    claimed_until = null, last_error = ? where id = ? and status = 'sending'""")
                        .params(settings.notices().maxAttempts(), reason, notice.id()).update();
                audit.record("takedown.notice-delivery-failed", "takedown_notice", notice.id().toString(), reason);
            });
            return false;
        }
        transactions.executeWithoutResult(status -> markSent(notice.id(), externalReference, clock.instant()));
        return true;
    }

    /**
     * Records that a notice reached its recipient: starts its clock, its items' monitoring, and
     * tells the reporter's status page that notices went out. Also used when an analyst records
     * that they submitted a platform's web form.
     */
    public boolean markSent(UUID noticeId, String externalReference, Instant sentAt) {
        Map<String, Object> notice = jdbc.sql("select trusted_flagger from takedown_notice where id = ?").param(noticeId)
                .query().singleRow();
        Duration sla = (Boolean) notice.get("trusted_flagger") ? settings.sla().trustedFlagger() : settings.sla().standard();
        int updated = jdbc.sql("""
                        update takedown_notice set status = 'sent', sent_at = ?, sent_by = ?, claimed_until = null, last_error = null,
                            external_reference = coalesce(?, external_reference), sla_due_at = ?
                        where id = ? and status in ('sending', 'awaiting_manual')""")
                .params(Timestamp.from(sentAt), node.id(), externalReference, Timestamp.from(sentAt.plus(sla)), noticeId).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                        update takedown_item set first_notified_at = coalesce(first_notified_at, ?), last_notified_at = ?,
                            next_check_at = case when do_not_fetch then null else coalesce(next_check_at, ?) end
                        where id in (select item_id from takedown_notice_item where notice_id = ?)""")
                .params(Timestamp.from(sentAt), Timestamp.from(sentAt), Timestamp.from(sentAt.plus(settings.monitoring().minInterval())),
                        noticeId)
                .update();
        audit.record("takedown.notice-sent", "takedown_notice", noticeId.toString(), null);
        jdbc.sql("""
                        select distinct i.case_id from takedown_item i join takedown_notice_item n on n.item_id = i.id
                        where n.notice_id = ?""").param(noticeId).query(UUID.class).list()
                .forEach(caseId -> cases.progress(caseId, CaseStatus.NOTICES_SENT));
        return true;
    }
}
