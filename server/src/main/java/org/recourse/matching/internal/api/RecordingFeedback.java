package org.recourse.matching.internal.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.PartnerKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what a platform did with a match, per entry and key. Audited. */
@Service
class RecordingFeedback {

    enum Verdict { BLOCKED, NOT_BLOCKED, NOT_MATCHING_POLICY }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    RecordingFeedback(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    UUID record(PartnerKeys.PartnerKey caller, Long entryId, String verdictName) {
        Verdict verdict = verdict(verdictName);
        if (entryId == null || jdbc.sql("select count(*) from match_entry where id = ?").param(entryId).query(Long.class).single() == 0) {
            throw new MatchProblem(MatchProblem.Kind.UNKNOWN_ENTRY);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into match_feedback (id, entry_id, api_key_id, organisation, verdict, recorded_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, entryId, caller.keyId(), caller.organisation(), verdict.name(), Timestamp.from(clock.instant()))
                .update();
        audit.record("match-feedback.recorded", "match_entry", entryId.toString(),
                "verdict=" + verdict + " key=" + caller.keyId());
        return id;
    }

    private static Verdict verdict(String name) {
        if (name != null) {
            try {
                return Verdict.valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // Answered below.
            }
        }
        throw new MatchProblem(MatchProblem.Kind.INVALID_VERDICT);
    }
}
