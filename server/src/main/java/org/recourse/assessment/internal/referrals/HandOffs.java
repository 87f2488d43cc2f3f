package org.recourse.assessment.internal.referrals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-offs in {@code assessment_referral}: the rows with a hand-off status. */
@Repository
class HandOffs {

    private final JdbcClient jdbc;

    HandOffs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(HandOff h) {
        jdbc.sql("""
                        insert into assessment_referral (id, case_id, kind, organisation, urgent, referred_at, handoff_status, consent_scope,
                            consent_how, consent_by, channel, address, message_id, referred_by, delivered_at, follow_up_due_at)
                        values (?, ?, ?, ?, false, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(h.id(), h.caseId(), h.kind(), h.organisation(), Timestamp.from(h.referredAt()), h.status().code(),
                        "{" + String.join(",", h.consentScope().stream().map(SharedItem::code).toList()) + "}",
                        h.consentHow().code(), h.referredBy(), h.channel().code(), h.address(), h.messageId(), h.referredBy(),
                        ts(h.deliveredAt()), ts(h.followUpDueAt()))
                .update();
    }

    Optional<HandOff> find(UUID id) {
        return jdbc.sql("select * from assessment_referral where id = ? and handoff_status is not null").param(id)
                .query(HandOffs::map).optional();
    }

    List<HandOff> forCase(UUID caseId) {
        return jdbc.sql("select * from assessment_referral where case_id = ? and handoff_status is not null order by referred_at")
                .param(caseId).query(HandOffs::map).list();
    }

    /** Delivered hand-offs whose follow-up time has passed without an answer, longest waiting first. */
    List<HandOff> followUpDue(Instant now, int limit) {
        return jdbc.sql("""
                        select * from assessment_referral where handoff_status = 'delivered' and follow_up_due_at <= ?
                        order by follow_up_due_at limit ?""")
                .params(Timestamp.from(now), limit).query(HandOffs::map).list();
    }

    /** Hand-offs that reached the organisation, newest first. */
    List<HandOff> reached(String organisationKey) {
        return jdbc.sql("""
                        select * from assessment_referral where organisation = ? and delivered_at is not null
                        order by delivered_at desc limit 500""")
                .param(organisationKey).query(HandOffs::map).list();
    }

    List<HandOff> failed(int limit) {
        return jdbc.sql("select * from assessment_referral where handoff_status = 'failed' order by referred_at limit ?")
                .param(limit).query(HandOffs::map).list();
    }

    /**
     * Claims a queued hand-off for one delivery attempt. Also a hand-off left 'sending' by a node that
     * died mid-attempt (the outbox re-claims it after its lease), unless consent was withdrawn since.
     */
    boolean startSending(UUID id) {
        return jdbc.sql("""
                        update assessment_referral set handoff_status = 'sending'
                        where id = ? and (handoff_status = 'queued' or (handoff_status = 'sending' and consent_revoked_at is null))""")
                .param(id).update() == 1;
    }

    /** An attempt failed: waiting again for the next, or given up; withdrawn if consent was withdrawn meanwhile. */
    void sendingFailed(UUID id, boolean gaveUp) {
        jdbc.sql("""
                        update assessment_referral set handoff_status =
                            case when consent_revoked_at is not null then 'withdrawn' when ? then 'failed' else 'queued' end
                        where id = ? and handoff_status = 'sending'""")
                .params(gaveUp, id).update();
    }

    /** A mailed hand-off was accepted by the organisation's mail server at {@code at}; its follow-up time counts from then. */
    boolean delivered(UUID id, Instant at, java.time.Duration followUpAfter) {
        return jdbc.sql("""
                        update assessment_referral set handoff_status = 'delivered', delivered_at = ?, follow_up_due_at = ?
                        where id = ? and handoff_status = 'sending'""")
                .params(Timestamp.from(at), Timestamp.from(at.plus(followUpAfter)), id).update() == 1;
    }

    /** Moves a hand-off from one of {@code from} to {@code to}; false when it was elsewhere (someone else was first). */
    boolean move(UUID id, List<HandOffStatus> from, HandOffStatus to, Instant at, String by) {
        String[] codes = from.stream().map(HandOffStatus::code).toArray(String[]::new);
        if (to.isOutcome()) {
            return jdbc.sql("update assessment_referral set handoff_status = ?, outcome_at = ?, outcome_by = ? where id = ? and handoff_status = any(?)")
                    .params(to.code(), Timestamp.from(at), by, id, codes).update() == 1;
        }
        return jdbc.sql("update assessment_referral set handoff_status = ? where id = ? and handoff_status = any(?)")
                .params(to.code(), id, codes).update() == 1;
    }

    /** Records the withdrawal of consent on every hand-off of the case that has none recorded yet. */
    void consentRevoked(UUID caseId, Instant at, String via) {
        jdbc.sql("""
                        update assessment_referral set consent_revoked_at = ?, consent_revoked_via = ?
                        where case_id = ? and handoff_status is not null and consent_revoked_at is null""")
                .params(Timestamp.from(at), via, caseId).update();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static HandOff map(ResultSet rs, int row) throws SQLException {
        String[] scope = (String[]) rs.getArray("consent_scope").getArray();
        return new HandOff(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("kind"),
                rs.getString("organisation"), HandOffStatus.fromCode(rs.getString("handoff_status")),
                Arrays.stream(scope).map(SharedItem::fromCode).toList(), ConsentHow.fromCode(rs.getString("consent_how")),
                HandOffChannel.valueOf(rs.getString("channel").toUpperCase(java.util.Locale.ROOT)), rs.getString("address"),
                rs.getString("message_id"), rs.getString("referred_by"), instant(rs, "referred_at"), instant(rs, "delivered_at"),
                instant(rs, "follow_up_due_at"), instant(rs, "outcome_at"), rs.getString("outcome_by"),
                instant(rs, "consent_revoked_at"), rs.getString("consent_revoked_via"));
    }
}
