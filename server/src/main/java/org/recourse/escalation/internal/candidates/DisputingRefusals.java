package org.recourse.escalation.internal.candidates;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An analyst disputes a platform's refusal, with her reasons; the item becomes a candidate. */
@Service
public class DisputingRefusals {

    public record Refusal(UUID id, String reference, String recipientKey, UUID caseId, String url, String reasons,
                          Instant refusedAt, Instant disputedAt, String disputeReason) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    DisputingRefusals(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refusals of items that are still online, newest first. */
    @Transactional(readOnly = true)
    public List<Refusal> open() {
        return jdbc.sql("""
                        select id, reference, recipient_key, case_id, url, reasons, refused_at, disputed_at, dispute_reason
                        from escalation_refusal where offline_at is null order by refused_at desc limit 500""")
                .query((rs, n) -> new Refusal(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("recipient_key"),
                        rs.getObject("case_id", UUID.class), rs.getString("url"), rs.getString("reasons"),
                        rs.getTimestamp("refused_at").toInstant(),
                        rs.getTimestamp("disputed_at") == null ? null : rs.getTimestamp("disputed_at").toInstant(),
                        rs.getString("dispute_reason")))
                .list();
    }

    /**
     * @return false when there is no such refusal or it was already disputed
     * @throws IllegalArgumentException when the reason is blank
     */
    @Transactional
    public boolean dispute(UUID refusalId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a dispute needs its reasons");
        }
        int updated = jdbc.sql("""
                        update escalation_refusal set disputed_at = ?, disputed_by = ?, dispute_reason = ?
                        where id = ? and disputed_at is null""")
                .params(Timestamp.from(clock.instant()), AuditActor.current(), reason.strip(), refusalId).update();
        if (updated == 1) {
            audit.record("escalation.refusal-disputed", "escalation_refusal", refusalId.toString(), "refusal disputed");
        }
        return updated == 1;
    }
}
