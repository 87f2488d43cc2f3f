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

import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.platform.OutboxSender;
import org.recourse.platform.OutboxTopic;
import org.recourse.takedown.internal.TakedownNode;
import org.recourse.takedown.internal.TakedownSettings;
import org.recourse.takedown.internal.items.CaseProgress;
import org.recourse.takedown.internal.notices.NoticeContent;
import org.recourse.takedown.internal.notices.NoticeContents;
import org.recourse.takedown.NoticeSent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notices through the platform outbox (topic {@link #TOPIC}): the outbox claims a queued
 * notice, this class delivers it over its channel with the Message-ID and reference fixed when it
 * was queued, and records the outcome on the notice. Nothing is sent on a blocked day.
 */
@Service
public class SendingNotices implements OutboxSender {

    public static final OutboxTopic TOPIC = org.recourse.takedown.internal.notices.PlanningNotices.NOTICE_TOPIC;

    private final JdbcClient jdbc;
    private final Map<String, NoticeChannel> channels;
    private final NoticeContents contents;
    private final CaseProgress progress;
    private final AuditTrail audit;
    private final TakedownSettings settings;
    private final TakedownNode node;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SendingNotices(JdbcClient jdbc, List<NoticeChannel> channels, NoticeContents contents, CaseProgress progress, AuditTrail audit,
                   TakedownSettings settings, TakedownNode node, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.channels = channels.stream().collect(Collectors.toMap(NoticeChannel::code, Function.identity()));
        this.contents = contents;
        this.progress = progress;
        this.audit = audit;
        this.settings = settings;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public OutboxTopic topic() {
        return TOPIC;
    }

    @Override
    public boolean mayDeliverAt(Instant now) {
        return !settings.notices().blocked(now.atZone(settings.notices().zone()).toLocalDate());
    }

    @Override
    public String deliver(UUID noticeId) throws Exception {
        OutgoingNotice notice = load(noticeId);
        return channels.get(notice.channel()).deliver(notice);
    }

    private OutgoingNotice load(UUID id) {
        Map<String, Object> row = jdbc.sql("""
                        select id, reference, recipient_key, recipient_name, trusted_flagger, channel, address, language,
                            subject, body, message_id from takedown_notice where id = ?""")
                .param(id).query().singleRow();
        List<UUID> items = jdbc.sql("select item_id from takedown_notice_item where notice_id = ?").param(id).query(UUID.class).list();
        NoticeContent content = contents.build((String) row.get("reference"), (String) row.get("recipient_name"),
                (Boolean) row.get("trusted_flagger"), items);
        return new OutgoingNotice(id, (String) row.get("reference"), (String) row.get("recipient_key"), (String) row.get("channel"),
                (String) row.get("address"), (String) row.get("language"), (String) row.get("subject"), (String) row.get("body"),
                (String) row.get("message_id"), content);
    }

    @Override
    public void delivered(UUID noticeId, String externalReference, Instant at) {
        AuditActor.runAs("system:outbox", () -> markSent(noticeId, externalReference, at, node.id()));
    }

    /**
     * An attempt failed: the notice keeps waiting for its retry, or, when the schedule is used up,
     * is failed and its items wait for an analyst. The reason in words is the outbox's.
     */
    @Override
    public void failed(UUID noticeId, String reason, boolean gaveUp, Instant retryAt) {
        AuditActor.runAs("system:outbox", () -> {
            if (gaveUp) {
                if (jdbc.sql("update takedown_notice set status = 'failed', failed_at = ? where id = ? and status = 'queued'")
                        .params(Timestamp.from(clock.instant()), noticeId).update() == 1) {
                    jdbc.sql("""
                                    update takedown_item set status = 'undelivered'
                                    where status = 'notified' and id in (select item_id from takedown_notice_item where notice_id = ?)""")
                            .param(noticeId).update();
                }
                audit.record("takedown.notice-failed", "takedown_notice", noticeId.toString(), reason);
            } else {
                audit.record("takedown.notice-delivery-failed", "takedown_notice", noticeId.toString(), reason);
            }
        });
    }

    /** An analyst submitted a web-form notice by hand and records the platform's reference. */
    @Transactional
    public boolean recordWebFormSubmission(UUID noticeId, String reference, String analyst) {
        boolean waitsForAnalyst = jdbc.sql("select count(*) from takedown_notice where id = ? and status = 'awaiting_manual'")
                .param(noticeId).query(Long.class).single() == 1;
        return waitsForAnalyst && markSent(noticeId, reference, clock.instant(), analyst);
    }

    /**
     * Records that a notice reached its recipient: starts its clock, its items' monitoring, and
     * tells the reporter's status page that notices went out. Also used when an analyst records
     * that they submitted a platform's web form.
     */
    public boolean markSent(UUID noticeId, String externalReference, Instant sentAt, String sentBy) {
        Map<String, Object> notice = jdbc.sql("select trusted_flagger from takedown_notice where id = ?").param(noticeId)
                .query().singleRow();
        Duration sla = (Boolean) notice.get("trusted_flagger") ? settings.sla().trustedFlagger() : settings.sla().standard();
        int updated = jdbc.sql("""
                        update takedown_notice set status = 'sent', sent_at = ?, sent_by = ?, claimed_until = null, failed_at = null,
                            external_reference = coalesce(?, external_reference), sla_due_at = ?
                        where id = ? and status in ('queued', 'failed', 'awaiting_manual')""")
                .params(Timestamp.from(sentAt), sentBy, externalReference, Timestamp.from(sentAt.plus(sla)), noticeId).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                        update takedown_item set status = case when status = 'undelivered' then 'notified' else status end,
                            first_notified_at = coalesce(first_notified_at, ?), last_notified_at = ?,
                            next_check_at = case when do_not_fetch then null else coalesce(next_check_at, ?) end
                        where id in (select item_id from takedown_notice_item where notice_id = ?)""")
                .params(Timestamp.from(sentAt), Timestamp.from(sentAt), Timestamp.from(sentAt.plus(settings.monitoring().minInterval())),
                        noticeId)
                .update();
        audit.record("takedown.notice-sent", "takedown_notice", noticeId.toString(), null);
        List<UUID> caseIds = jdbc.sql("""
                        select distinct i.case_id from takedown_item i join takedown_notice_item n on n.item_id = i.id
                        where n.notice_id = ?""").param(noticeId).query(UUID.class).list();
        caseIds.forEach(progress::noticeSent);
        announceSent(noticeId, (Boolean) notice.get("trusted_flagger"), sentAt, sentAt.plus(sla), caseIds);
        return true;
    }

    private void announceSent(UUID noticeId, boolean trustedFlagger, Instant sentAt, Instant slaDueAt, List<UUID> caseIds) {
        List<Map<String, Object>> items = jdbc.sql("""
                        select i.legal_status, array_to_string(i.forms, ',') as forms from takedown_item i
                        join takedown_notice_item n on n.item_id = i.id where n.notice_id = ? order by i.created_at, i.id""")
                .param(noticeId).query().listOfRows();
        String recipient = jdbc.sql("select recipient_key from takedown_notice where id = ?").param(noticeId)
                .query(String.class).single();
        List<String> forms = items.stream().map(row -> (String) row.get("forms")).filter(f -> f != null && !f.isEmpty())
                .flatMap(f -> java.util.Arrays.stream(f.split(","))).distinct().toList();
        events.publishEvent(new NoticeSent(noticeId, recipient, trustedFlagger, sentAt, slaDueAt, caseIds, items.size(),
                items.isEmpty() ? null : (String) items.getFirst().get("legal_status"), forms));
    }
}
