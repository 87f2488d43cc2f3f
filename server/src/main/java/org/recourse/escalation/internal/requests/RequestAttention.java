package org.recourse.escalation.internal.requests;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.recourse.platform.AttentionItem;
import org.recourse.platform.NeedsAttention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation's entries on the "needs attention" list: a draft that waits for a second person's
 * approval, an approved request nobody filed yet, a request whose e-mail could not be delivered
 * (resend it or file it through the authority's web form), and an authority that has stayed silent
 * past the reminder time. Each names the request's first case and links to the request.
 */
@Component
class RequestAttention implements NeedsAttention {

    private final JdbcClient jdbc;

    RequestAttention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> roles() {
        return Set.of("ANALYST", "COORDINATOR", "ADMIN");
    }

    @Override
    @Transactional(readOnly = true)
    public List<AttentionItem> waiting(int limit) {
        return jdbc.sql("""
                        select r.reference, r.platform_key, r.authority_key, w.reason, w.since,
                               (select i.case_id from escalation_request_item i where i.request_id = r.id
                                order by i.case_number, i.url limit 1) as case_id
                        from escalation_request r
                        cross join lateral (values
                            (case when r.state = 'draft' then 'approve' end, r.drafted_at),
                            (case when r.state = 'approved' and r.letter_address is null then 'file' end, r.approved_at),
                            (case when r.state = 'approved' and r.send_failed_at is not null then 'send-failed' end, r.send_failed_at),
                            (case when r.state in ('filed', 'acknowledged', 'under_investigation') and r.reminded_at is not null
                                  and r.reminded_at >= coalesce(r.last_contact_at, r.filed_at)
                                  then 'silent' end, r.reminded_at)) as w(reason, since)
                        where w.reason is not null and r.state in ('draft', 'approved', 'filed', 'acknowledged', 'under_investigation')
                        order by w.since limit ?""")
                .param(limit)
                .query((rs, n) -> {
                    String reference = rs.getString("reference");
                    String reason = rs.getString("reason");
                    return new AttentionItem("escalation.attention." + reason,
                            List.of(reference, rs.getString("platform_key"), rs.getString("authority_key")),
                            rs.getObject("case_id", UUID.class), "escalation.attention.action." + reason,
                            "/staff/escalation/requests/" + reference, rs.getTimestamp("since").toInstant());
                })
                .list();
    }
}
