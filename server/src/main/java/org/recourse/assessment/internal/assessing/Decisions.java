package org.recourse.assessment.internal.assessing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.recourse.assessment.internal.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Decisions and the referrals they made. Confirming and rejecting are conditional updates: only
 * a pending decision, and only by someone other than its decider, so two confirmers racing (or
 * the decider confirming in another tab) cannot both succeed.
 */
@Repository
public class Decisions {

    /** Someone the case was sent to because of a decision. */
    public record Referral(UUID decisionId, UUID entryId, String kind, String organisation, boolean urgent, Instant referredAt) {
    }

    private final JdbcClient jdbc;

    Decisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Decision d) {
        jdbc.sql("""
                        insert into assessment_decision (id, entry_id, assessment_id, case_id, outcome, state, note, referrals,
                            decided_by, decided_at, confirmed_by, settled_at)
                        values (:id, :entry, :assessment, :case, :outcome, :state, :note, :referrals::text[], :by, :at,
                            :confirmedBy, :settledAt)""")
                .param("id", d.id()).param("entry", d.entryId()).param("assessment", d.assessmentId()).param("case", d.caseId())
                .param("outcome", d.outcome().code()).param("state", d.state()).param("note", d.note())
                .param("referrals", SqlArrays.literal(d.referrals())).param("by", d.decidedBy())
                .param("at", Timestamp.from(d.decidedAt())).param("confirmedBy", d.confirmedBy())
                .param("settledAt", d.settledAt() == null ? null : Timestamp.from(d.settledAt()))
                .update();
    }

    public Optional<Decision> find(UUID id) {
        return jdbc.sql("select * from assessment_decision where id = ?").param(id).query(Decisions::map).optional();
    }

    public List<Decision> forEntry(UUID entryId) {
        return jdbc.sql("select * from assessment_decision where entry_id = ? order by decided_at, id").param(entryId)
                .query(Decisions::map).list();
    }

    public List<Decision> forCase(UUID caseId) {
        return jdbc.sql("select * from assessment_decision where case_id = ? order by decided_at, id").param(caseId)
                .query(Decisions::map).list();
    }

    public List<Decision> pending() {
        return jdbc.sql("select * from assessment_decision where state = 'pending' order by decided_at, id limit 500")
                .query(Decisions::map).list();
    }

    /** Pending decisions {@code user} may confirm or reject: everyone's but their own (the menu's count). */
    public long toConfirmBy(String user) {
        return jdbc.sql("select count(*) from assessment_decision where state = 'pending' and decided_by <> ?").param(user)
                .query(Long.class).single();
    }

    boolean confirm(UUID id, String confirmer, Instant at) {
        return jdbc.sql("""
                        update assessment_decision set state = 'effective', confirmed_by = :who, settled_at = :at
                        where id = :id and state = 'pending' and decided_by <> :who""")
                .param("id", id).param("who", confirmer).param("at", Timestamp.from(at)).update() == 1;
    }

    boolean reject(UUID id, String confirmer, String reason, Instant at) {
        return jdbc.sql("""
                        update assessment_decision set state = 'rejected', confirmed_by = :who, settled_at = :at,
                            rejection_reason = :reason
                        where id = :id and state = 'pending' and decided_by <> :who""")
                .param("id", id).param("who", confirmer).param("at", Timestamp.from(at)).param("reason", reason)
                .update() == 1;
    }

    void refer(UUID decisionId, UUID caseId, UUID entryId, String kind, String organisation, boolean urgent, Instant at) {
        jdbc.sql("""
                        insert into assessment_referral (id, decision_id, case_id, entry_id, kind, organisation, urgent, referred_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), decisionId, caseId, entryId, kind, organisation, urgent, Timestamp.from(at))
                .update();
    }

    public List<Referral> referralsForCase(UUID caseId) {
        return jdbc.sql("select * from assessment_referral where case_id = ? and decision_id is not null order by referred_at, kind").param(caseId)
                .query((rs, n) -> new Referral(rs.getObject("decision_id", UUID.class), rs.getObject("entry_id", UUID.class),
                        rs.getString("kind"), rs.getString("organisation"), rs.getBoolean("urgent"),
                        rs.getTimestamp("referred_at").toInstant()))
                .list();
    }

    private static Decision map(ResultSet rs, int n) throws SQLException {
        Timestamp settled = rs.getTimestamp("settled_at");
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
                rs.getObject("assessment_id", UUID.class), rs.getObject("case_id", UUID.class),
                Outcome.ofCode(rs.getString("outcome")), rs.getString("state"), rs.getString("note"),
                SqlArrays.list(rs.getArray("referrals")), rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant(),
                rs.getString("confirmed_by"), settled == null ? null : settled.toInstant(), rs.getString("rejection_reason"));
    }
}
