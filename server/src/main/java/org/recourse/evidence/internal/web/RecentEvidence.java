package org.recourse.evidence.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseRefs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The cases whose evidence changed last, named by case number, for the evidence index. */
@Repository
class RecentEvidence {

    /** A case with its latest evidence; {@code ref} is null for a case intake does not know. */
    record RecentCase(CaseRef ref, Instant latest, long objects) {
    }

    private final JdbcClient jdbc;
    private final CaseRefs refs;

    RecentEvidence(JdbcClient jdbc, CaseRefs refs) {
        this.jdbc = jdbc;
        this.refs = refs;
    }

    @Transactional(readOnly = true)
    List<RecentCase> recent(int limit) {
        record Row(UUID caseId, Instant latest, long objects) {
        }
        List<Row> rows = jdbc.sql("""
                        select case_id, max(captured_at) as latest, count(*) as objects from evidence_object
                        group by case_id order by latest desc limit ?""")
                .param(limit)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getLong(3))).list();
        Map<UUID, CaseRef> named = refs.byIds(rows.stream().map(Row::caseId).toList());
        return rows.stream().map(r -> new RecentCase(named.get(r.caseId()), r.latest(), r.objects())).toList();
    }
}
