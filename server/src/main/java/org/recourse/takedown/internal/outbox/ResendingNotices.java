package org.recourse.takedown.internal.outbox;

import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.platform.Outbox;
import org.recourse.takedown.internal.notices.NoticeStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An analyst resends a notice that failed for good, or sends one that waits for its next retry
 * now. The notice row is locked first, so of two analysts pressing at once one resends and the
 * other is told it already was; the outbox then sends it once. Audited.
 */
@Service
public class ResendingNotices {

    /** What pressing resend did. */
    public enum Outcome {
        /** Queued to go now. */
        RESENT,
        /** Someone else resent it a moment ago, or it is being sent or already sent. */
        ALREADY,
        /** Nothing to resend: it was delivered, bounced, its items went elsewhere, or it goes by web form. */
        NOT_POSSIBLE
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final AuditTrail audit;

    ResendingNotices(JdbcClient jdbc, Outbox outbox, AuditTrail audit) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public Outcome resend(UUID noticeId) {
        Optional<NoticeStatus> status = jdbc.sql("select status from takedown_notice where id = ? for update").param(noticeId)
                .query(String.class).optional().map(NoticeStatus::fromCode);
        if (status.isEmpty()) {
            return Outcome.NOT_POSSIBLE;
        }
        return switch (status.get()) {
            case FAILED -> resendFailed(noticeId);
            case QUEUED -> {
                if (!outbox.sendNow(SendingNotices.TOPIC, noticeId)) {
                    yield Outcome.ALREADY;
                }
                audit.record("takedown.notice-retried-now", "takedown_notice", noticeId.toString(), "before its next scheduled attempt");
                yield Outcome.RESENT;
            }
            case SENT -> Outcome.ALREADY;
            case AWAITING_MANUAL, BOUNCED -> Outcome.NOT_POSSIBLE;
        };
    }

    private Outcome resendFailed(UUID noticeId) {
        long waiting = jdbc.sql("""
                        select count(*) from takedown_item where status = 'undelivered'
                          and id in (select item_id from takedown_notice_item where notice_id = ?)""")
                .param(noticeId).query(Long.class).single();
        if (waiting == 0 || !outbox.sendNow(SendingNotices.TOPIC, noticeId)) {
            return waiting == 0 ? Outcome.NOT_POSSIBLE : Outcome.ALREADY;
        }
        jdbc.sql("update takedown_notice set status = 'queued', failed_at = null where id = ?").param(noticeId).update();
        jdbc.sql("""
                        update takedown_item set status = 'notified'
                        where status = 'undelivered' and id in (select item_id from takedown_notice_item where notice_id = ?)""")
                .param(noticeId).update();
        audit.record("takedown.notice-resent", "takedown_notice", noticeId.toString(), "after it failed");
        return Outcome.RESENT;
    }
}
