package org.recourse.escalation.internal.requests;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.recourse.escalation.RequestState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dated entries of a request: every change of state, reminder and note, never changed afterwards. */
@Component
public class RequestEntries {

    public record Entry(Instant at, String kind, RequestState state, String note, String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final AnnouncingEscalations announcing;

    RequestEntries(JdbcClient jdbc, AnnouncingEscalations announcing) {
        this.jdbc = jdbc;
        this.announcing = announcing;
    }

    void add(UUID requestId, Instant at, String kind, RequestState state, String note) {
        jdbc.sql("insert into escalation_request_entry (id, request_id, at, kind, state, note, recorded_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), requestId, Timestamp.from(at), kind, state.code(), note, AuditActor.current()).update();
        if ("state".equals(kind)) {
            announcing.stateChanged(requestId, state);
        }
    }

    public List<Entry> of(UUID requestId) {
        return jdbc.sql("select at, kind, state, note, recorded_by from escalation_request_entry where request_id = ? order by at, kind")
                .param(requestId)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("kind"), RequestState.ofCode(rs.getString("state")),
                        rs.getString("note"), rs.getString("recorded_by")))
                .list();
    }
}
