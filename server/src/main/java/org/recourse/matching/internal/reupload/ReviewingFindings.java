package org.recourse.matching.internal.reupload;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.matching.ReuploadConfirmed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an analyst does with a finding: looks at it (the images blurred), reveals them (audited),
 * confirms it is a re-upload (announced, so the original case can act on the new address) or
 * dismisses it (the pair is remembered and not shown again).
 */
@Service
class ReviewingFindings {

    /** A finding as the page shows it, with both cases by number. */
    record FindingView(Finding finding, String originalCaseNumber, String captureCaseNumber, String site) {
    }

    private final Findings findings;
    private final Cases cases;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewingFindings(Findings findings, Cases cases, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.findings = findings;
        this.cases = cases;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    List<FindingView> open() {
        return findings.open(200).stream().map(this::view).toList();
    }

    @Transactional
    Optional<FindingView> show(UUID id, boolean revealed) {
        Optional<Finding> finding = findings.find(id);
        finding.ifPresent(f -> audit.record(revealed ? "match-finding.revealed" : "match-finding.viewed", "case",
                f.originalCaseId().toString(), "finding " + id + (revealed ? ", images unblurred on screen" : "")));
        return finding.map(this::view);
    }

    @Transactional
    boolean confirm(UUID id, String by) {
        Instant now = clock.instant();
        Optional<Finding> finding = findings.find(id);
        if (finding.isEmpty() || !findings.decide(id, Finding.Status.CONFIRMED, by, now)) {
            return false;
        }
        Finding f = finding.get();
        audit.record("match-finding.confirmed", "case", f.originalCaseId().toString(), "finding " + id);
        events.publishEvent(new ReuploadConfirmed(f.id(), f.originalCaseId(), f.url(), f.evidenceId(), f.distance(), f.foundAt(),
                by, now));
        return true;
    }

    @Transactional
    boolean dismiss(UUID id, String by) {
        Optional<Finding> finding = findings.find(id);
        if (finding.isEmpty() || !findings.decide(id, Finding.Status.DISMISSED, by, clock.instant())) {
            return false;
        }
        audit.record("match-finding.dismissed", "case", finding.get().originalCaseId().toString(), "finding " + id);
        return true;
    }

    private FindingView view(Finding finding) {
        return new FindingView(finding, number(finding.originalCaseId()), number(finding.captureCaseId()),
                ReuploadAttention.host(finding.url()));
    }

    private String number(UUID caseId) {
        return cases.find(caseId).map(CaseView::caseNumber).orElse("-");
    }
}
