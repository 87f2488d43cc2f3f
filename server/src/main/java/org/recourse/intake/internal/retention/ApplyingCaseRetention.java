package org.recourse.intake.internal.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.CaseDataRemoved;
import org.recourse.intake.internal.cases.RemovingPersonalData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases closed or withdrawn longer ago than the retention period lose what identifies anyone —
 * contact details, free text, account names, the paths of reported URLs — and keep the fields
 * statistics need, like the existing hotline tool's anonymise-after-retention.
 */
@Service
public class ApplyingCaseRetention {

    private static final int BATCH = 500;
    private final JdbcClient jdbc;
    private final RemovingPersonalData personalData;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Duration retention;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApplyingCaseRetention(JdbcClient jdbc, RemovingPersonalData personalData, AuditTrail audit,
                          TransactionTemplate transactions, @Value("${recourse.intake.retention}") Duration retention,
                          ObjectProvider<Clock> clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.audit = audit;
        this.transactions = transactions;
        this.retention = retention;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Returns how many cases were anonymised. */
    public int run() {
        int total = 0;
        List<UUID> due;
        do {
            Instant now = clock.instant();
            due = jdbc.sql("""
                            select c.id from intake_case c
                            where c.anonymised_at is null and c.status in ('CLOSED', 'WITHDRAWN')
                              and (select max(h.changed_at) from case_status_history h where h.case_id = c.id) < ?
                            limit ?""")
                    .params(Timestamp.from(now.minus(retention)), BATCH)
                    .query(UUID.class).list();
            for (UUID caseId : due) {
                transactions.executeWithoutResult(status -> anonymise(caseId, now));
            }
            total += due.size();
        } while (due.size() == BATCH);
        return total;
    }

    private void anonymise(UUID caseId, Instant now) {
        personalData.removeFrom(caseId, now);
        personalData.anonymiseUrls(caseId);
        jdbc.sql("update intake_case set anonymised_at = ? where id = ?").params(Timestamp.from(now), caseId).update();
        audit.record("case.anonymised", "case", caseId.toString(), "retention=" + retention.toDays() + "d");
        events.publishEvent(new CaseDataRemoved(caseId, CaseDataRemoved.Reason.RETENTION_ENDED, now));
    }
}
