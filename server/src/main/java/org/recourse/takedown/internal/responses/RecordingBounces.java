package org.recourse.takedown.internal.responses;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A notice e-mail came back as undeliverable: the notice is bounced, with the report's words, and
 * its items wait for an analyst to send them elsewhere (they are no longer "notified"). The same
 * report read twice changes nothing.
 */
@Service
class RecordingBounces {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    RecordingBounces(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** @return whether the notice was marked bounced now */
    @Transactional
    public boolean record(UUID noticeId, String reason, Instant at) {
        int changed = jdbc.sql("""
                        update takedown_notice set status = 'bounced', bounced_at = ?, bounce_reason = ?
                        where id = ? and status = 'sent' and channel in ('email', 'xarf')""")
                .params(Timestamp.from(at), reason, noticeId).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("""
                        update takedown_item set status = 'undelivered', next_check_at = null, check_claimed_until = null
                        where status = 'notified' and id in (select item_id from takedown_notice_item where notice_id = ?)""")
                .param(noticeId).update();
        audit.record("takedown.notice-bounced", "takedown_notice", noticeId.toString(), reason);
        return true;
    }
}
