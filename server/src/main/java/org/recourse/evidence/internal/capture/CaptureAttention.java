package org.recourse.evidence.internal.capture;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.recourse.platform.AttentionItem;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseRefs;
import org.recourse.platform.NeedsAttention;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The vault's entry on the "needs attention" list: a capture that failed for good with no later
 * capture of the same address done or under way; an analyst captures it again or adds the
 * material by hand.
 */
@Component
class CaptureAttention implements NeedsAttention {

    private record Failed(UUID caseId, String url, String refusal, Instant finishedAt) {
    }

    private final JdbcClient jdbc;
    private final CaseRefs cases;
    private final MessageSource messages;

    CaptureAttention(JdbcClient jdbc, CaseRefs cases, MessageSource messages) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.messages = messages;
    }

    @Override
    public Set<String> roles() {
        return Set.of("ANALYST", "COORDINATOR");
    }

    @Override
    public List<AttentionItem> waiting(int limit) {
        List<Failed> failed = jdbc.sql("""
                        select c.case_id, c.url, c.refusal, coalesce(c.finished_at, c.requested_at) as finished_at from evidence_capture c
                        where c.status = 'failed' and c.anonymised_at is null
                          and not exists (select 1 from evidence_capture later
                                          where later.case_id = c.case_id and later.url = c.url and later.requested_at > c.requested_at)
                        order by c.finished_at limit ?""")
                .param(limit).query((rs, n) -> new Failed(rs.getObject("case_id", UUID.class), rs.getString("url"),
                        rs.getString("refusal"), rs.getTimestamp("finished_at").toInstant())).list();
        Map<UUID, CaseRef> refs = cases.byIds(failed.stream().map(Failed::caseId).toList());
        return failed.stream().map(f -> new AttentionItem("evidence.attention.capture-failed", List.of(f.url(), why(f.refusal())),
                f.caseId(), "evidence.attention.action.capture-again",
                refs.containsKey(f.caseId()) ? refs.get(f.caseId()).href("evidence") : "/staff/evidence", f.finishedAt())).toList();
    }

    /** The refusal in the reader's language; a capture failed before refusals were recorded has none. */
    private String why(String refusal) {
        String key = "evidence.capture.refusal." + (refusal == null ? "UNKNOWN" : refusal);
        return messages.getMessage(key, null, messages.getMessage("evidence.capture.refusal.UNKNOWN", null, LocaleContextHolder.getLocale()),
                LocaleContextHolder.getLocale());
    }
}
