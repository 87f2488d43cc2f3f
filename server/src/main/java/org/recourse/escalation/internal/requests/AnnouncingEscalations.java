package org.recourse.escalation.internal.requests;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.recourse.escalation.RequestState;
import org.recourse.statistics.EscalationRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the statistics which notices went to an authority and where their request stands: once a
 * request is filed, every change of its state is announced for the last notice of each of its items
 * (the overdue one, or the refused one that was disputed), dated by the filing.
 */
@Component
class AnnouncingEscalations {

    private static final Set<RequestState> WITH_OR_PAST_AUTHORITY = EnumSet.of(RequestState.FILED, RequestState.ACKNOWLEDGED,
            RequestState.UNDER_INVESTIGATION, RequestState.DECIDED, RequestState.REJECTED, RequestState.NO_RESPONSE,
            RequestState.WITHDRAWN);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AnnouncingEscalations(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    void stateChanged(UUID requestId, RequestState state) {
        if (!WITH_OR_PAST_AUTHORITY.contains(state)) {
            return;
        }
        Instant filedAt = jdbc.sql("select filed_at from escalation_request where id = ?").param(requestId)
                .query((rs, n) -> rs.getTimestamp(1)).optional().map(java.sql.Timestamp::toInstant).orElse(null);
        if (filedAt == null) {
            return; // withdrawn before it was ever filed: not an escalation
        }
        for (UUID noticeId : jdbc.sql("""
                        select distinct coalesce(i.last_notice_id,
                            (select f.notice_id from escalation_refusal f
                             where f.reported_item_id = ri.reported_item_id and f.recipient_key = r.platform_key
                             order by f.refused_at desc limit 1)) as notice_id
                        from escalation_request_item ri
                        join escalation_request r on r.id = ri.request_id
                        left join escalation_item i on i.reported_item_id = ri.reported_item_id and i.recipient_key = r.platform_key
                        where ri.request_id = ?""")
                .param(requestId).query(UUID.class).list()) {
            if (noticeId != null) {
                events.publishEvent(new EscalationRecorded(noticeId, filedAt, state.code()));
            }
        }
    }
}
