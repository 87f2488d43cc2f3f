package org.recourse.referral.internal.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.recourse.directory.Organisation;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseSection;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The digital-safety check on the case page: the checklist, the latest answers with their advice,
 * and the export of the digital risk summary with the victim's consent; each check in the timeline.
 */
@Component
class DigitalSafetySection implements CaseSection {

    static final String ANCHOR = "digital-safety";

    record Shown(String caseNumber, ChecklistView checklist, List<Organisation> recipients, List<String> consentWays, Object done,
                 Object exportError) {
    }

    private final CheckingSafety checks;
    private final SafetyTexts texts;
    private final DigitalRiskSummaries summaries;

    DigitalSafetySection(CheckingSafety checks, SafetyTexts texts, DigitalRiskSummaries summaries) {
        this.checks = checks;
        this.texts = texts;
        this.summaries = summaries;
    }

    @Override
    public int order() {
        return 28;
    }

    @Override
    public Content content(CaseRef ref, Map<String, ?> flash) {
        Map<?, ?> errors = flash.get("safetyErrors") instanceof Map<?, ?> m ? m : Map.of();
        return new Content(ANCHOR, "referral.safety.check.section", "referral/digital-safety-section", "digitalSafety",
                new Shown(ref.caseNumber(), ChecklistView.of(texts, checks.latest(ref.id()), LocaleContextHolder.getLocale(), errors),
                        summaries.recipients(), DigitalRiskSummaries.CONSENT_WAYS, flash.get("safetyDone"), flash.get("exportError")));
    }

    @Override
    public List<Event> timeline(CaseRef ref) {
        List<Event> events = new ArrayList<>();
        for (SafetyCheck check : checks.forCase(ref.id())) {
            events.add(new Event(check.doneAt(), check.byReporter() ? "referral.timeline.safety-check.victim" : "referral.timeline.safety-check",
                    null, ref.href(ANCHOR)));
        }
        return events;
    }
}
