package org.recourse.assessment.internal.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recourse.audit.AuditActor;
import org.recourse.directory.Organisation;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.intake.ReportedItem;
import org.recourse.intake.ReporterContact;
import org.recourse.taxonomy.Taxonomy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The referral summary an organisation receives, by e-mail or on its liaison portal: only what the
 * victim's consent covers, never an image or a reported address, in the organisation's language,
 * with the case number as the reference to answer with. Sharing her contact details is audited.
 */
@Component
class ReferralSummaries {

    private final Cases cases;
    private final Taxonomy taxonomy;
    private final MessageSource messages;
    private final HandOffSettings settings;

    ReferralSummaries(Cases cases, Taxonomy taxonomy, MessageSource messages, HandOffSettings settings) {
        this.cases = cases;
        this.taxonomy = taxonomy;
        this.messages = messages;
        this.settings = settings;
    }

    /** Dutch unless the organisation reads only other languages. */
    static Locale languageOf(Organisation organisation) {
        return organisation.languages().isEmpty() || organisation.languages().contains("nl") ? Locale.forLanguageTag("nl") : Locale.ENGLISH;
    }

    /** The summary: who refers, what she agreed to share and nothing else, how to answer. */
    String text(HandOff handOff, CaseView view, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(text("assessment.handoff.mail.intro", locale, settings.senderName(), view.caseNumber()));
        lines.add("");
        for (SharedItem item : handOff.consentScope()) {
            switch (item) {
                case CONTACT -> {
                    Optional<ReporterContact> contact = contact(handOff);
                    lines.add(text("assessment.handoff.mail.contact", locale,
                            contact.map(c -> join(c.email(), c.phone())).orElse(text("assessment.handoff.mail.contact.none", locale))));
                }
                case FORMS -> lines.add(text("assessment.handoff.mail.forms", locale, String.join(", ", view.forms().stream()
                        .map(code -> taxonomy.find(code).map(f -> f.label(locale)).orElse(code)).toList())));
                case PLATFORMS -> lines.add(text("assessment.handoff.mail.platforms", locale, String.join(", ", cases.items(handOff.caseId())
                        .stream().map(ReportedItem::host).filter(h -> h != null && !h.isBlank()).distinct().sorted().toList())));
                case PROGRESS -> lines.add(text("assessment.handoff.mail.progress", locale,
                        text("assessment.handoff.stage." + view.status().name(), locale)));
            }
        }
        lines.add("");
        lines.add(text("assessment.handoff.mail.no-images", locale));
        lines.add(text("assessment.handoff.mail.answer", locale, view.caseNumber()));
        return String.join("\n", lines);
    }

    private static String join(String email, String phone) {
        return String.join(", ", java.util.stream.Stream.of(email, phone).filter(v -> v != null && !v.isBlank()).toList());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** Her contact details as shared with the organisation, audited under the acting person (or the system when mailing). */
    private Optional<ReporterContact> contact(HandOff handOff) {
        String purpose = "referral to " + handOff.organisation();
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() != null) {
            return cases.contactFor(handOff.caseId(), purpose);
        }
        return AuditActor.supplyAs("system:referral", () -> cases.contactFor(handOff.caseId(), purpose));
    }
}
