package org.recourse.intake.internal.staff;

import java.util.Optional;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.internal.cases.CaseRecord;
import org.recourse.intake.internal.cases.CaseRepository;
import org.recourse.intake.internal.cases.Passphrases;
import org.recourse.intake.internal.cases.SecretHashing;
import org.recourse.intake.internal.cases.Submitted;
import org.recourse.intake.internal.cases.SubmittingReport;
import org.recourse.intake.internal.cases.ValidatedReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A report a staff member takes down (by phone, in person, by letter): a new case with its own
 * secret, linked at once to an earlier case of the same person when the analyst names one.
 */
@Service
class RecordingStaffReports {

    private final SubmittingReport submitting;
    private final SecretHashing secrets;
    private final CaseRepository cases;
    private final AuditTrail audit;

    RecordingStaffReports(SubmittingReport submitting, SecretHashing secrets, CaseRepository cases, AuditTrail audit) {
        this.submitting = submitting;
        this.secrets = secrets;
        this.cases = cases;
        this.audit = audit;
    }

    /** The new case, with the secret the staff member hands the reporter (shown once). */
    @Transactional
    Submitted record(ValidatedReport report, Optional<CaseRecord> linkTo) {
        String secret = Passphrases.next();
        Submitted created = submitting.submit(report, secret, secrets.hash(secret));
        linkTo.ifPresent(target -> {
            cases.link(created.caseId(), target.id(), "analyst", created.receivedAt());
            audit.record("case.linked", "case", created.caseId().toString(), "to=" + target.id());
        });
        return created;
    }
}
