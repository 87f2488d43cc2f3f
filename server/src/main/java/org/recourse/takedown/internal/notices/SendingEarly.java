package org.recourse.takedown.internal.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An analyst sends a waiting item's notice now instead of at the end of the grouping delay: every
 * item waiting for the same recipient goes along, as it would have then. Audited.
 */
@Service
public class SendingEarly {

    private final JdbcClient jdbc;
    private final PlanningNotices planning;
    private final AuditTrail audit;
    private final Clock clock;

    SendingEarly(JdbcClient jdbc, PlanningNotices planning, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.planning = planning;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What sending early did.
     *
     * @param notice the notice now queued; empty when the item no longer waits (its notice was made
     *               meanwhile, by the planner or another analyst) or cannot be sent (no channel known)
     */
    public record Result(UUID caseId, Optional<UUID> notice) {
    }

    /** @return empty when there is no such item */
    @Transactional
    public Optional<Result> sendNow(UUID itemId) {
        Optional<Map<String, Object>> item = jdbc.sql("select case_id, recipient_key, status from takedown_item where id = ?")
                .param(itemId).query().listOfRows().stream().findFirst();
        if (item.isEmpty()) {
            return Optional.empty();
        }
        UUID caseId = (UUID) item.get().get("case_id");
        String recipient = (String) item.get().get("recipient_key");
        if (!"pending".equals(item.get().get("status")) || recipient == null) {
            return Optional.of(new Result(caseId, Optional.empty()));
        }
        List<Map<String, Object>> rows = jdbc.sql("""
                        select id, recipient_key, recipient_source, hoster_fingerprint, url from takedown_item
                        where status = 'pending' and recipient_key = ? order by decided_at for update skip locked""")
                .param(recipient).query().listOfRows();
        if (rows.stream().noneMatch(row -> itemId.equals(row.get("id")))) {
            return Optional.of(new Result(caseId, Optional.empty()));
        }
        Instant now = clock.instant();
        Optional<UUID> notice = planning.create(recipient, "first", rows, now);
        notice.ifPresent(id -> audit.record("takedown.notice-sent-early", "takedown_notice", id.toString(),
                "before the grouping delay; items=" + rows.size()));
        return Optional.of(new Result(caseId, notice));
    }
}
