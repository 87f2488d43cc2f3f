package org.recourse.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditSource;
import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Appends entries without taking any lock, so auditing never serialises the application. */
@Service
class JdbcAuditTrail implements AuditTrail {

    private static final int MAX_DETAIL = 2000;
    private static final String ANONYMOUS = "anonymous";
    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcAuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String objectType, String objectId, String detail) {
        recordAll(List.of(new NewEntry(currentSource(), action, objectType, objectId, detail)));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[] actors = new String[n], actions = new String[n], types = new String[n], ids = new String[n],
                details = new String[n], origins = new String[n];
        for (int i = 0; i < n; i++) {
            NewEntry e = entries.get(i);
            actors[i] = e.source().actor();
            actions[i] = e.action();
            types[i] = e.objectType();
            ids[i] = e.objectId();
            details[i] = truncate(e.detail());
            origins[i] = e.source().origin();
        }
        // One statement for the lot: entries are appended in the order given.
        jdbc.update("""
                insert into audit_log (occurred_at, actor, action, object_type, object_id, detail, origin)
                select ?, actor, action, object_type, object_id, detail, origin
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    with ordinality as e(actor, action, object_type, object_id, detail, origin, n)
                order by n""",
                Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS)), actors, actions, types, ids, details,
                origins);
    }

    @Override
    public AuditSource currentSource() {
        String actor = actor();
        return new AuditSource(actor, origin(actor));
    }

    @Override
    public List<AuditEntry> entriesFor(String objectType, String objectId) {
        return jdbc.query("select * from audit_entry where object_type = ? and object_id = ? order by id",
                JdbcAuditTrail::entry, objectType, objectId);
    }

    static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        long seq = rs.getLong("seq");
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getString("detail"), rs.getString("origin"), rs.wasNull() ? null : seq, rs.getString("hash"));
    }

    private static String actor() {
        String explicit = AuditActor.current();
        if (explicit != null) {
            return explicit;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return auth.getName();
        }
        return ANONYMOUS;
    }

    /**
     * Where a staff action came from (the client address). For anonymous visitors — reporters —
     * the address is personal data we do not need, so it is recorded only as "public".
     */
    private static String origin(String actor) {
        if (ANONYMOUS.equals(actor)) {
            return "public";
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return AuditActor.current() != null ? "local" : "system";
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
