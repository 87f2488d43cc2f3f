package org.recourse.evidence.internal.capture;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.recourse.platform.AttentionItem;
import org.recourse.platform.NeedsAttention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The vault's entry on the "needs attention" list: a capture that failed for good with no later
 * capture of the same address done or under way; an analyst captures it again or adds the
 * material by hand.
 */
@Component
class CaptureAttention implements NeedsAttention {

    private final JdbcClient jdbc;

    CaptureAttention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> roles() {
        return Set.of("ANALYST", "COORDINATOR");
    }

    @Override
    public List<AttentionItem> waiting(int limit) {
        return jdbc.sql("""
                        select c.case_id, c.url, c.outcome, coalesce(c.finished_at, c.requested_at) as finished_at from evidence_capture c
                        where c.status = 'failed' and c.anonymised_at is null
                          and not exists (select 1 from evidence_capture later
                                          where later.case_id = c.case_id and later.url = c.url and later.requested_at > c.requested_at)
                        order by c.finished_at limit ?""")
                .param(limit).query((rs, n) -> {
                    UUID caseId = rs.getObject("case_id", UUID.class);
                    String outcome = rs.getString("outcome");
                    return new AttentionItem("evidence.attention.capture-failed", List.of(rs.getString("url"),
                            outcome == null ? "" : outcome), caseId, "evidence.attention.action.capture-again",
                            "/staff/evidence/cases/" + caseId, rs.getTimestamp("finished_at").toInstant());
                }).list();
    }
}
