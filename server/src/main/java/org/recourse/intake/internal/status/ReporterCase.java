package org.recourse.intake.internal.status;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.intake.internal.cases.RemovingPersonalData;
import org.recourse.intake.internal.cases.CaseRecord;
import org.recourse.intake.internal.cases.CaseRepository;
import org.recourse.intake.CaseDataRemoved;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in reporter can do with their case: add information or material (up to the
 * configured number of additions) and withdraw it. Withdrawing closes the case and removes contact
 * details and free text; the coded fields stay for statistics.
 */
@Service
class ReporterCase {

    enum Outcome { DONE, CLOSED, LIMIT_REACHED }

    private final CaseRepository cases;
    private final RemovingPersonalData personalData;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final IntakeSettings settings;
    private final MaterialHandOff material;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReporterCase(CaseRepository cases, JdbcClient jdbc, AuditTrail audit, IntakeSettings settings,
                 MaterialHandOff material, RemovingPersonalData personalData, ObjectProvider<Clock> clock,
                 ApplicationEventPublisher events) {
        this.events = events;
        this.cases = cases;
        this.personalData = personalData;
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = settings;
        this.material = material;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    Outcome addInformation(UUID caseId, String text) {
        CaseRecord record = cases.lock(caseId).orElseThrow();
        Outcome allowed = mayAdd(record);
        if (allowed != Outcome.DONE) {
            return allowed;
        }
        insertAddition(caseId, "text", text.strip());
        audit.record("case.information-added", "case", caseId.toString(), "by=reporter");
        return Outcome.DONE;
    }

    /**
     * Hands a file to the evidence vault and records that material was added. The vault call
     * happens inside the transaction that counts the addition, so a refused count stores nothing.
     */
    @Transactional
    Outcome addMaterial(UUID caseId, String fileName, String contentType, long size, InputStream content)
            throws IOException {
        CaseRecord record = cases.lock(caseId).orElseThrow();
        Outcome allowed = mayAdd(record);
        if (allowed != Outcome.DONE) {
            return allowed;
        }
        String reference = material.store(caseId, fileName, contentType, size, content);
        insertAddition(caseId, "material", reference);
        audit.record("case.material-added", "case", caseId.toString(), "by=reporter bytes=" + size);
        return Outcome.DONE;
    }

    @Transactional
    boolean withdraw(UUID caseId) {
        CaseRecord record = cases.lock(caseId).orElseThrow();
        if (!record.status().isOpen()) {
            return false;
        }
        Instant now = clock.instant();
        cases.changeStatus(caseId, CaseStatus.WITHDRAWN, now);
        cases.recordStatus(caseId, CaseStatus.WITHDRAWN, now);
        personalData.removeFrom(caseId, now);
        audit.record("case.withdrawn", "case", caseId.toString(), "by=reporter");
        events.publishEvent(new CaseDataRemoved(caseId, CaseDataRemoved.Reason.WITHDRAWN, now));
        return true;
    }

    private Outcome mayAdd(CaseRecord record) {
        if (!record.status().isOpen()) {
            return Outcome.CLOSED;
        }
        if (record.additions() >= settings.status().maxAdditions()) {
            return Outcome.LIMIT_REACHED;
        }
        return Outcome.DONE;
    }

    private void insertAddition(UUID caseId, String kind, String body) {
        Instant now = clock.instant();
        jdbc.sql("insert into case_addition (id, case_id, kind, body, created_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), caseId, kind, body, Timestamp.from(now)).update();
        jdbc.sql("update intake_case set additions = additions + 1, updated_at = ? where id = ?")
                .params(Timestamp.from(now), caseId).update();
    }
}
