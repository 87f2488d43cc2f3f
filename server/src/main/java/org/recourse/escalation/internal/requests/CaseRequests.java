package org.recourse.escalation.internal.requests;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.escalation.RequestState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The enforcement requests about a case's items, for the case page (which audits its own view). */
@Component
public class CaseRequests {

    public record Row(UUID id, String reference, String authorityName, String platformName, RequestState state, Instant filedAt,
                      String authorityReference) {
    }

    public record Step(Instant at, String kind, RequestState state, String reference, String authorityName) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;

    CaseRequests(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public List<Row> forCase(UUID caseId) {
        Map<String, String> names = new HashMap<>();
        return jdbc.sql("""
                        select r.id, r.reference, r.authority_key, r.platform_key, r.state, r.filed_at, r.authority_reference
                        from escalation_request r
                        where exists (select 1 from escalation_request_item i where i.request_id = r.id and i.case_id = ?)
                        order by r.drafted_at""")
                .param(caseId)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("reference"),
                        name(names, rs.getString("authority_key")), name(names, rs.getString("platform_key")),
                        RequestState.ofCode(rs.getString("state")), instant(rs.getTimestamp("filed_at")), rs.getString("authority_reference")))
                .list();
    }

    public List<Step> stepsForCase(UUID caseId) {
        Map<String, String> names = new HashMap<>();
        return jdbc.sql("""
                        select e.at, e.kind, e.state, r.reference, r.authority_key
                        from escalation_request_entry e join escalation_request r on r.id = e.request_id
                        where exists (select 1 from escalation_request_item i where i.request_id = r.id and i.case_id = ?)
                        order by e.at""")
                .param(caseId)
                .query((rs, n) -> new Step(rs.getTimestamp("at").toInstant(), rs.getString("kind"), RequestState.ofCode(rs.getString("state")),
                        rs.getString("reference"), name(names, rs.getString("authority_key"))))
                .list();
    }

    private String name(Map<String, String> names, String key) {
        return names.computeIfAbsent(key, k -> directory.findByKey(k).map(Organisation::name).orElse(k));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
