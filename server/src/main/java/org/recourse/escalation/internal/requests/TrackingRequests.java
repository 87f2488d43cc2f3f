package org.recourse.escalation.internal.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.escalation.CandidateReason;
import org.recourse.escalation.RequestState;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.Cases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A request from approval to outcome: a second person approves a draft (four eyes), the filing
 * through the authority's web form is recorded with its reference, and what the authority says
 * moves it on. Each step is a dated entry and an audit entry; a step that does not fit the
 * request's state is refused and changes nothing.
 */
@Service
public class TrackingRequests {

    private static final Set<RequestState> WITH_AUTHORITY = EnumSet.of(RequestState.FILED, RequestState.ACKNOWLEDGED,
            RequestState.UNDER_INVESTIGATION);

    public record Request(UUID id, String reference, String platformKey, String authorityKey, RequestState state,
                          String draftedBy, String approvedBy, Instant filedAt, String authorityReference, Instant remindedAt,
                          boolean dossierOriginals) {
    }

    /** Where a case may stand when its matter goes to an authority; removed or closed cases stay as they are. */
    private static final Set<CaseStatus> BEFORE_ESCALATION = EnumSet.of(CaseStatus.DECISION_TAKEN, CaseStatus.NOTICES_SENT,
            CaseStatus.PARTLY_REMOVED);

    private final JdbcClient jdbc;
    private final RequestEntries entries;
    private final AuditTrail audit;
    private final Cases cases;
    private final Clock clock;

    TrackingRequests(JdbcClient jdbc, RequestEntries entries, AuditTrail audit, Cases cases, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.entries = entries;
        this.audit = audit;
        this.clock = clock;
    }

    /** The request a page names by its reference ({@code ER-...}). */
    public Optional<Request> findByReference(String reference) {
        if (reference == null || !reference.matches("ER-[2-9A-Z]{8}")) {
            return Optional.empty();
        }
        return jdbc.sql("select id from escalation_request where reference = ?").param(reference).query(UUID.class).optional()
                .flatMap(this::find);
    }

    /** An item of a request, with what made it a candidate when the request was drafted. */
    public record Item(UUID caseId, String caseNumber, String url, List<CandidateReason> reasons, Integer noticesSent,
                       Instant overdueSince) {
    }

    public List<Item> items(UUID requestId) {
        return jdbc.sql("""
                        select case_id, case_number, url, reasons, notices_sent, overdue_since from escalation_request_item
                        where request_id = ? order by case_number, url""")
                .param(requestId)
                .query((rs, n) -> new Item(rs.getObject("case_id", UUID.class), rs.getString("case_number"), rs.getString("url"),
                        Arrays.stream((String[]) rs.getArray("reasons").getArray()).map(CandidateReason::ofCode).toList(),
                        (Integer) rs.getObject("notices_sent"), instant(rs.getTimestamp("overdue_since"))))
                .list();
    }

    /** The language the request is written in ({@code nl} or {@code en}). */
    public String language(UUID requestId) {
        return jdbc.sql("select language from escalation_request where id = ?").param(requestId).query(String.class).single();
    }

    /** The letter as it was fixed when the request was filed by e-mail; empty before. */
    public record Filing(String address, String subject, String body, String messageId, Instant sendFailedAt) {
    }

    public Optional<Filing> filing(UUID requestId) {
        return jdbc.sql("""
                        select letter_address, letter_subject, letter_body, message_id, send_failed_at from escalation_request
                        where id = ? and letter_address is not null""")
                .param(requestId)
                .query((rs, n) -> new Filing(rs.getString("letter_address"), rs.getString("letter_subject"),
                        rs.getString("letter_body"), rs.getString("message_id"), instant(rs.getTimestamp("send_failed_at"))))
                .optional();
    }

    /**
     * Fixes the letter of an approved request, in the caller's transaction: once, however often it
     * is pressed — a second call finds the letter already fixed and changes nothing.
     *
     * @return whether this call fixed it
     */
    boolean fixLetter(UUID id, String address, String subject, String body, String messageId) {
        Request request = locked(id);
        expect(request, EnumSet.of(RequestState.APPROVED));
        int fixed = jdbc.sql("""
                        update escalation_request set letter_address = ?, letter_subject = ?, letter_body = ?, message_id = ?
                        where id = ? and letter_address is null""")
                .params(address, subject, body, messageId, id).update();
        if (fixed == 0) {
            return false;
        }
        audit.record("escalation.request-queued", "escalation_request", id.toString(), request.reference() + " by e-mail");
        return true;
    }

    /** The authority's mail server accepted the request: it is filed. */
    void filedByEmail(UUID id, Instant at) {
        Request request = find(id).orElseThrow();
        if (jdbc.sql("""
                        update escalation_request set state = 'filed', filed_at = ?, filed_via = 'email', send_failed_at = null
                        where id = ? and state = 'approved'""")
                .params(Timestamp.from(at), id).update() == 1) {
            step(request, at, "state", RequestState.FILED, null);
            escalated(id);
        }
    }

    /** Sending failed for good: the request waits for a person (resend, or file through the web form). */
    void sendingFailed(UUID id, String reason) {
        jdbc.sql("update escalation_request set send_failed_at = ? where id = ?").params(Timestamp.from(clock.instant()), id).update();
        audit.record("escalation.request-send-failed", "escalation_request", id.toString(), reason);
    }

    public Optional<Request> find(UUID id) {
        return jdbc.sql("""
                        select id, reference, platform_key, authority_key, state, drafted_by, approved_by, filed_at, authority_reference,
                               reminded_at, dossier_originals from escalation_request where id = ?""")
                .param(id)
                .query((rs, n) -> new Request(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("platform_key"),
                        rs.getString("authority_key"), RequestState.ofCode(rs.getString("state")), rs.getString("drafted_by"),
                        rs.getString("approved_by"), instant(rs.getTimestamp("filed_at")), rs.getString("authority_reference"),
                        instant(rs.getTimestamp("reminded_at")), rs.getBoolean("dossier_originals")))
                .optional();
    }

    /** One line per request for lists and the command line. */
    public record Listed(String reference, String platformKey, String authorityKey, RequestState state, Instant filedAt) {
    }

    /** Every request, newest draft first. */
    public List<Listed> all() {
        return jdbc.sql("select reference, platform_key, authority_key, state, filed_at from escalation_request order by drafted_at desc, reference")
                .query((rs, n) -> new Listed(rs.getString("reference"), rs.getString("platform_key"), rs.getString("authority_key"),
                        RequestState.ofCode(rs.getString("state")), instant(rs.getTimestamp("filed_at"))))
                .list();
    }

    /** @throws RequestRefused {@code escalation.request.own-draft} for the person who drafted it */
    @Transactional
    public void approve(UUID id) {
        Request request = locked(id);
        expect(request, EnumSet.of(RequestState.DRAFT));
        if (request.draftedBy().equals(AuditActor.current())) {
            throw new RequestRefused("escalation.request.own-draft");
        }
        Instant now = clock.instant();
        jdbc.sql("update escalation_request set state = 'approved', approved_by = ?, approved_at = ? where id = ?")
                .params(AuditActor.current(), Timestamp.from(now), id).update();
        step(request, now, "state", RequestState.APPROVED, null);
    }

    /** The request was submitted through the authority's web form, which gave {@code reference}. */
    @Transactional
    public void filedByWebForm(UUID id, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new RequestRefused("escalation.request.reference-required");
        }
        Request request = locked(id);
        expect(request, EnumSet.of(RequestState.APPROVED));
        Instant now = clock.instant();
        jdbc.sql("""
                        update escalation_request set state = 'filed', filed_at = ?, filed_via = 'web_form', authority_reference = ?
                        where id = ?""")
                .params(Timestamp.from(now), reference.strip(), id).update();
        step(request, now, "state", RequestState.FILED, reference.strip());
        escalated(id);
    }

    /** The reporter's status page says the matter went to a regulator or the police. */
    private void escalated(UUID requestId) {
        for (UUID caseId : jdbc.sql("select distinct case_id from escalation_request_item where request_id = ?").param(requestId)
                .query(UUID.class).list()) {
            cases.find(caseId).filter(c -> BEFORE_ESCALATION.contains(c.status()))
                    .ifPresent(c -> cases.progress(caseId, CaseStatus.ESCALATED));
        }
    }

    /** What the authority said: acknowledged, investigating, decided or rejected, with its reference and words. */
    @Transactional
    public void fromAuthority(UUID id, RequestState state, String authorityReference, String note) {
        if (!state.fromAuthority()) {
            throw new RequestRefused("escalation.request.state-unknown");
        }
        Request request = locked(id);
        expect(request, WITH_AUTHORITY);
        Instant now = clock.instant();
        jdbc.sql("""
                        update escalation_request set state = ?, last_contact_at = ?,
                            authority_reference = coalesce(nullif(?, ''), authority_reference) where id = ?""")
                .params(state.code(), Timestamp.from(now), authorityReference == null ? "" : authorityReference.strip(), id).update();
        step(request, now, "state", state, note);
    }

    @Transactional
    public void withdraw(UUID id, String reason) {
        Request request = locked(id);
        if (request.state().closed()) {
            throw new RequestRefused("escalation.request.closed");
        }
        Instant now = clock.instant();
        jdbc.sql("update escalation_request set state = 'withdrawn' where id = ?").param(id).update();
        step(request, now, "state", RequestState.WITHDRAWN, reason);
    }

    /**
     * Decides whether the request's dossier carries the original evidence files (to the authority,
     * in the ZIP only; the PDF always shows pictures blurred). A deliberate, audited choice; refused
     * once the request is closed.
     */
    @Transactional
    public void includeOriginals(UUID id, boolean include) {
        Request request = locked(id);
        if (request.state().closed()) {
            throw new RequestRefused("escalation.request.closed");
        }
        if (request.dossierOriginals() == include) {
            return;
        }
        jdbc.sql("update escalation_request set dossier_originals = ? where id = ?").params(include, id).update();
        audit.record(include ? "escalation.dossier-originals-included" : "escalation.dossier-originals-excluded", "escalation_request",
                id.toString(), request.reference());
    }

    private void step(Request request, Instant at, String kind, RequestState state, String note) {
        entries.add(request.id(), at, kind, state, note);
        if (EscalationStatusUpdates.shown(state)) {
            // What the reporter reads on her status page changed: she gets an e-mail if she asked for them.
            for (UUID caseId : jdbc.sql("select distinct case_id from escalation_request_item where request_id = ?").param(request.id())
                    .query(UUID.class).list()) {
                cases.newsForReporter(caseId);
            }
        }
        audit.record("escalation.request-" + state.code().replace('_', '-'), "escalation_request", request.id().toString(),
                request.reference() + " " + request.state().code() + " -> " + state.code());
    }

    private Request locked(UUID id) {
        jdbc.sql("select id from escalation_request where id = ? for update").param(id).query(UUID.class).optional()
                .orElseThrow(() -> new RequestRefused("escalation.request.unknown"));
        return find(id).orElseThrow();
    }

    private static void expect(Request request, Set<RequestState> states) {
        if (!states.contains(request.state())) {
            throw new RequestRefused("escalation.request.wrong-state");
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
