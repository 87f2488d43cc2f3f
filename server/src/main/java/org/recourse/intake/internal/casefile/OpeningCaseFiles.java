package org.recourse.intake.internal.casefile;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.internal.cases.CaseNumbers;
import org.recourse.intake.internal.cases.CaseRecord;
import org.recourse.intake.internal.cases.CaseRepository;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseSection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case's one page: finds the case by the number someone typed, records the view in the
 * audit trail and gathers every module's section and timeline in one transaction.
 */
@Service
class OpeningCaseFiles {

    private final CaseRepository cases;
    private final AuditTrail audit;
    private final List<CaseSection> sections;

    OpeningCaseFiles(CaseRepository cases, AuditTrail audit, List<CaseSection> sections) {
        this.cases = cases;
        this.audit = audit;
        this.sections = sections.stream().sorted(Comparator.comparingInt(CaseSection::order)).toList();
    }

    /**
     * @param typedNumber a case number as typed (see {@link CaseNumbers#parse})
     * @param flash       what a module's form left for this page
     */
    @Transactional
    Optional<CaseFile> open(String typedNumber, Map<String, ?> flash) {
        Optional<CaseRecord> found = CaseNumbers.parse(typedNumber).flatMap(cases::findByNumber);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CaseRecord head = found.get();
        CaseRef ref = new CaseRef(head.id(), head.caseNumber());
        audit.record("case.viewed", "case", head.id().toString(), null);
        List<CaseSection.Content> contents = sections.stream().map(s -> s.content(ref, flash)).toList();
        List<CaseSection.Event> timeline = sections.stream().flatMap(s -> s.timeline(ref).stream())
                .sorted(Comparator.comparing(CaseSection.Event::at)).toList();
        return Optional.of(new CaseFile(ref, head, contents, timeline));
    }
}
