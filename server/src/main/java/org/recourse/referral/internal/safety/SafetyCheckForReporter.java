package org.recourse.referral.internal.safety;

import java.util.Optional;
import java.util.UUID;

import org.recourse.platform.StatusPageSection;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The checklist on the victim's status page, with the advice for what she answered. */
@Component
class SafetyCheckForReporter implements StatusPageSection {

    static final String ANCHOR = "digital-safety";

    private final CheckingSafety checks;
    private final SafetyTexts texts;

    SafetyCheckForReporter(CheckingSafety checks, SafetyTexts texts) {
        this.checks = checks;
        this.texts = texts;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Content> content(UUID caseId) {
        // Her own earlier check, not the hotline's: what she sees is what she answered.
        Optional<SafetyCheck> hers = checks.forCase(caseId).stream().filter(SafetyCheck::byReporter).findFirst();
        return Optional.of(new Content(ANCHOR, "referral.safety.check.reporter.heading", "referral/digital-safety-section", "reporterChecklist",
                ChecklistView.of(texts, hers, LocaleContextHolder.getLocale(), java.util.Map.of())));
    }
}
