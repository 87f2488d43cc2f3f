package org.recourse.intake.internal.casefile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.recourse.intake.ReportedItem;
import org.recourse.intake.ReporterWords;
import org.recourse.intake.internal.cases.CaseRecord;
import org.recourse.intake.internal.cases.CaseRepository;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseSection;
import org.recourse.taxonomy.Taxonomy;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Intake's part of the case page: the report in the reporter's own words, what they told about
 * the circumstances, the reported items, later additions and linked cases; in the timeline, when
 * it came in, every status change and every addition.
 */
@Component
class ReportSection implements CaseSection {

    static final String ANCHOR = "report";

    /** What the fragment shows. */
    record Report(CaseRecord record, Map<String, String> formLabels, List<ReportedItem> items,
                  Map<UUID, String> alsoReportedIn, List<ReporterWords.Addition> additions,
                  List<CaseRepository.LinkedCase> links, String linkError, String linkDone) {
    }

    private final CaseRepository cases;
    private final Taxonomy taxonomy;

    ReportSection(CaseRepository cases, Taxonomy taxonomy) {
        this.cases = cases;
        this.taxonomy = taxonomy;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Content content(CaseRef ref, Map<String, ?> flash) {
        CaseRecord record = cases.find(ref.id()).orElseThrow();
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new HashMap<>();
        record.forms().forEach(code -> labels.put(code, taxonomy.find(code).map(f -> f.label(locale)).orElse(code)));
        List<ReportedItem> items = cases.items(ref.id());
        List<UUID> linkedIds = items.stream().map(ReportedItem::linkedCaseId).filter(java.util.Objects::nonNull).toList();
        Map<UUID, String> alsoReportedIn = linkedIds.isEmpty() ? Map.of() : cases.numbers(linkedIds);
        return new Content(ANCHOR, "intake.case.section.report", "intake/case-report", "report",
                new Report(record, labels, items, alsoReportedIn, cases.additions(ref.id()), cases.links(ref.id()),
                        (String) flash.get("linkError"), (String) flash.get("linkDone")));
    }

    @Override
    public List<Event> timeline(CaseRef ref) {
        List<Event> events = new ArrayList<>();
        cases.history(ref.id()).forEach(change -> events.add(new Event(change.changedAt(),
                "intake.timeline.status." + change.status().name(), null, ref.href(ANCHOR))));
        cases.additions(ref.id()).forEach(addition -> events.add(new Event(addition.at(),
                "intake.timeline.addition." + addition.kind().code(), null, ref.href(ANCHOR))));
        return events;
    }
}
