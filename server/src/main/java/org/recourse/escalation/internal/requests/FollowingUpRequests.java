package org.recourse.escalation.internal.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.escalation.RequestState;
import org.recourse.escalation.internal.EscalationSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows filed requests up on the clock: once a reminder when the authority has been silent for
 * the configured time, and "no response" when it never answered within the configured time of
 * filing. Rows are claimed by the update itself, so two nodes never remind twice.
 */
@Service
public class FollowingUpRequests {

    private final JdbcClient jdbc;
    private final RequestEntries entries;
    private final AuditTrail audit;
    private final EscalationSettings settings;
    private final Clock clock;

    FollowingUpRequests(JdbcClient jdbc, RequestEntries entries, AuditTrail audit, EscalationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many requests it changed */
    @Transactional
    public int followUp() {
        Instant now = clock.instant();
        List<UUID> silent = jdbc.sql("""
                        update escalation_request set state = 'no_response'
                        where state = 'filed' and last_contact_at is null and filed_at <= ?
                        returning id""")
                .param(Timestamp.from(now.minus(settings.requests().noResponseAfter()))).query(UUID.class).list();
        for (UUID id : silent) {
            entries.add(id, now, "state", RequestState.NO_RESPONSE, null);
            audit.record("escalation.request-no-response", "escalation_request", id.toString(), "no answer since filing");
        }
        List<String[]> reminded = jdbc.sql("""
                        update escalation_request set reminded_at = ?
                        where state in ('filed', 'acknowledged', 'under_investigation')
                          and coalesce(last_contact_at, filed_at) <= ?
                          and (reminded_at is null or reminded_at < coalesce(last_contact_at, filed_at))
                        returning id, state""")
                .params(Timestamp.from(now), Timestamp.from(now.minus(settings.requests().remindAfter())))
                .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("state")}).list();
        for (String[] row : reminded) {
            UUID id = UUID.fromString(row[0]);
            entries.add(id, now, "reminder", RequestState.ofCode(row[1]), null);
            audit.record("escalation.request-reminder", "escalation_request", id.toString(), "authority silent");
        }
        return silent.size() + reminded.size();
    }
}
