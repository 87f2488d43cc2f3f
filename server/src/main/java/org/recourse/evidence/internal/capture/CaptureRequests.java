package org.recourse.evidence.internal.capture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.recourse.accounts.StaffMember;
import org.recourse.accounts.StaffMembers;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditSource;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.EvidenceVault.CaptureTarget;
import org.recourse.evidence.internal.EvidenceSettings;
import org.recourse.platform.TimeOrderedIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The capture queue, a table every node works from: a request is claimed with
 * {@code for update skip locked}, so two nodes never capture the same URL, and a claim whose
 * node died is taken over after {@link #STALE}.
 */
@Repository
public class CaptureRequests {

    static final Duration STALE = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditTrail audit;
    private final StaffMembers staff;
    private final EvidenceSettings settings;
    private final Clock clock;

    private final Counter done;
    private final Counter failed;

    CaptureRequests(JdbcClient jdbc, JdbcTemplate batch, AuditTrail audit, StaffMembers staff, EvidenceSettings settings,
                    Clock clock, MeterRegistry meters) {
        // recourse_evidence_captures_total{result}: captures finished, stored or failed for good.
        this.done = Counter.builder("recourse.evidence.captures").description("Captures finished").tag("result", "done").register(meters);
        this.failed = Counter.builder("recourse.evidence.captures").description("Captures finished").tag("result", "failed").register(meters);
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
        this.staff = staff;
        this.settings = settings;
        this.clock = clock;
    }

    /** Where a capture stands; the code is what the table stores and the message bundle's key. */
    public enum CaptureStatus {
        PENDING, RUNNING, DONE, FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static CaptureStatus of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public record CaptureRequest(UUID id, UUID caseId, UUID itemId, String url, CaptureStatus status, int attempts,
                                 Instant requestedAt, String requestedBy, Instant finishedAt, String outcome,
                                 String screenshotNote, String refusal) {

        public boolean failed() {
            return status == CaptureStatus.FAILED;
        }

        public boolean done() {
            return status == CaptureStatus.DONE;
        }
    }

    /**
     * Queues captures. A staff member's request is audited ({@code evidence.capture_requested});
     * the ones the system makes by itself — every URL of every report, at intake — are not: the
     * case's own {@code case.created} entry already records that moment, and the queue row keeps
     * who asked and when. Custody of what is captured is audited as it is stored.
     */
    @Transactional
    public List<UUID> request(List<CaptureTarget> targets) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp retainUntil = Timestamp.from(now.toInstant().plus(settings.retention().capture()));
        String requestedBy = Optional.ofNullable(AuditActor.current())
                .or(() -> staff.current().map(StaffMember::username)).orElse("system");
        int n = targets.size();
        List<UUID> ids = new ArrayList<>(n);
        UUID[] idColumn = new UUID[n], cases = new UUID[n], items = new UUID[n];
        String[] urls = new String[n];
        List<AuditTrail.NewEntry> entries = new ArrayList<>(n);
        AuditSource source = audit.currentSource();
        for (int i = 0; i < n; i++) {
            CaptureTarget target = targets.get(i);
            UUID id = TimeOrderedIds.next();
            ids.add(id);
            idColumn[i] = id;
            cases[i] = target.caseId();
            items[i] = target.itemId();
            urls[i] = target.url().trim();
            entries.add(new AuditTrail.NewEntry(source, "evidence.capture_requested", "evidence_capture",
                    id.toString(), "case " + target.caseId()));
        }
        batch.update("""
                insert into evidence_capture (id, case_id, item_id, url, status, requested_at, requested_by, retain_until)
                select id, case_id, item_id, url, 'pending', ?, ?, ?
                from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[]) as c(id, case_id, item_id, url)""",
                now, requestedBy, retainUntil, idColumn, cases, items, urls);
        if (!requestedBy.startsWith("system")) {
            audit.recordAll(entries);
        }
        return ids;
    }

    /** Takes the oldest waiting request (or one abandoned by a node that died), or nothing. */
    @Transactional
    public Optional<CaptureRequest> claimNext() {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp stale = Timestamp.from(clock.instant().minus(STALE));
        return jdbc.sql("""
                        update evidence_capture set status = 'running', started_at = ?, attempts = attempts + 1
                        where id = (select id from evidence_capture
                                    where status = 'pending' or (status = 'running' and started_at < ?)
                                    order by requested_at limit 1 for update skip locked)
                        returning *""")
                .params(now, stale)
                .query(CaptureRequests::map).optional();
    }

    /** A capture that stored the page; {@code outcome} is the technical detail. */
    @Transactional
    public void finish(UUID id, String outcome, String screenshotNote) {
        finish(id, true, null, outcome, screenshotNote);
    }

    /** A capture that failed for good, with why as a code the pages translate ({@code evidence.capture.refusal.*}). */
    @Transactional
    public void fail(UUID id, String refusal, String outcome) {
        finish(id, false, refusal, outcome, null);
    }

    private void finish(UUID id, boolean done, String refusal, String outcome, String screenshotNote) {
        jdbc.sql("update evidence_capture set status = ?, finished_at = ?, refusal = ?, outcome = ?, screenshot_note = ? where id = ?")
                .params((done ? CaptureStatus.DONE : CaptureStatus.FAILED).code(), Timestamp.from(clock.instant()), refusal, outcome, screenshotNote, id).update();
        audit.record(done ? "evidence.capture_done" : "evidence.capture_failed", "evidence_capture", id.toString(), outcome);
        (done ? this.done : this.failed).increment();
    }

    /** Puts a request back in the queue after a passing failure (timeout, connection reset). */
    @Transactional
    public void retryLater(UUID id, String refusal, String outcome) {
        jdbc.sql("update evidence_capture set status = 'pending', refusal = ?, outcome = ? where id = ?")
                .params(refusal, outcome, id).update();
    }

    public Optional<CaptureRequest> find(UUID id) {
        return jdbc.sql("select * from evidence_capture where id = ?").param(id).query(CaptureRequests::map).optional();
    }

    public List<CaptureRequest> forCase(UUID caseId) {
        return jdbc.sql("select * from evidence_capture where case_id = ? order by requested_at").param(caseId)
                .query(CaptureRequests::map).list();
    }

    private static CaptureRequest map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new CaptureRequest(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("item_id", UUID.class), rs.getString("url"), CaptureStatus.of(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("requested_by"),
                finished == null ? null : finished.toInstant(), rs.getString("outcome"), rs.getString("screenshot_note"),
                rs.getString("refusal"));
    }
}
