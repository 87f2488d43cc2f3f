package org.recourse.matching.internal.reupload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The findings table. */
@Repository
class Findings {

    private final JdbcClient jdbc;

    Findings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a finding unless this entry and address were found before (then: empty). */
    Optional<UUID> insertIfNew(long entryId, UUID originalCaseId, UUID captureCaseId, UUID evidenceId, UUID originalEvidenceId,
                               String url, int distance, Instant at) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into match_finding (id, entry_id, original_case_id, capture_case_id, evidence_id,
                            original_evidence_id, url, distance, status, found_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict (entry_id, url) do nothing""")
                .params(id, entryId, originalCaseId, captureCaseId, evidenceId, originalEvidenceId, url, distance,
                        Timestamp.from(at)).update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    Optional<Finding> find(UUID id) {
        return jdbc.sql("select * from match_finding where id = ?").param(id).query(Findings::finding).optional();
    }

    List<Finding> open(int limit) {
        return jdbc.sql("select * from match_finding where status = 'OPEN' order by found_at limit ?").param(limit)
                .query(Findings::finding).list();
    }

    long countOpen() {
        return jdbc.sql("select count(*) from match_finding where status = 'OPEN'").query(Long.class).single();
    }

    boolean decide(UUID id, Finding.Status status, String by, Instant at) {
        return jdbc.sql("update match_finding set status = ?, decided_by = ?, decided_at = ? where id = ? and status = 'OPEN'")
                .params(status.name(), by, Timestamp.from(at), id).update() == 1;
    }

    private static Finding finding(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Finding(rs.getObject("id", UUID.class), rs.getLong("entry_id"), rs.getObject("original_case_id", UUID.class),
                rs.getObject("capture_case_id", UUID.class), rs.getObject("evidence_id", UUID.class),
                rs.getObject("original_evidence_id", UUID.class), rs.getString("url"), rs.getInt("distance"),
                Finding.Status.valueOf(rs.getString("status")), rs.getTimestamp("found_at").toInstant(),
                decided == null ? null : decided.toInstant(), rs.getString("decided_by"));
    }
}
