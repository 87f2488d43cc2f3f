package org.recourse.assessment.internal.assessing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.recourse.assessment.internal.grounds.LegalGround;
import org.recourse.assessment.internal.grounds.LegalGrounds;
import org.recourse.assessment.internal.queue.Entries;
import org.recourse.assessment.internal.queue.Entry;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseSection;
import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Assessment's part of the case page: each item with where it stands, the judgements with who made
 * them and when, the decisions with who took and who confirmed them, and the referrals; in the
 * timeline, every judgement, decision, confirmation, rejection and referral.
 */
@Component
class AssessmentSection implements CaseSection {

    static final String ANCHOR = "assessment";

    /** What the fragment shows. */
    record Assessed(List<Entry> entries, List<Assessment> assessments, List<Decision> decisions,
                    List<Decisions.Referral> referrals, Map<String, String> formLabels, Map<String, String> citations) {
    }

    private final Entries entries;
    private final Assessments assessments;
    private final Decisions decisions;
    private final Taxonomy taxonomy;
    private final LegalGrounds grounds;

    AssessmentSection(Entries entries, Assessments assessments, Decisions decisions, Taxonomy taxonomy, LegalGrounds grounds) {
        this.entries = entries;
        this.assessments = assessments;
        this.decisions = decisions;
        this.taxonomy = taxonomy;
        this.grounds = grounds;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Content content(CaseRef ref, Map<String, ?> flash) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Content(ANCHOR, "assessment.case.section", "assessment/case-section", "assessment",
                new Assessed(entries.forCase(ref.id()), assessments.forCase(ref.id()), decisions.forCase(ref.id()),
                        decisions.referralsForCase(ref.id()),
                        taxonomy.activeForms().stream().collect(Collectors.toMap(ViolenceForm::code, f -> f.label(locale), (a, b) -> a)),
                        grounds.all().stream().collect(Collectors.toMap(LegalGround::code, LegalGround::citation, (a, b) -> a))));
    }

    @Override
    public List<Event> timeline(CaseRef ref) {
        List<Event> events = new ArrayList<>();
        for (Assessment a : assessments.forCase(ref.id())) {
            events.add(new Event(a.assessedAt(), "assessment.timeline.assessed." + a.legalStatus().name(), a.assessedBy(),
                    entryPage(a.entryId())));
        }
        for (Decision d : decisions.forCase(ref.id())) {
            events.add(new Event(d.decidedAt(), "assessment.timeline.decided." + d.outcome().code(), d.decidedBy(),
                    entryPage(d.entryId())));
            if (d.settledAt() != null) {
                events.add(new Event(d.settledAt(), "assessment.timeline.settled." + d.state(), d.confirmedBy(),
                        entryPage(d.entryId())));
            }
        }
        for (Decisions.Referral r : decisions.referralsForCase(ref.id())) {
            events.add(new Event(r.referredAt(), "assessment.timeline.referred", r.organisation(), ref.href(ANCHOR)));
        }
        return events;
    }

    private static String entryPage(java.util.UUID entryId) {
        return "/staff/assessments/" + entryId;
    }
}
