package org.recourse.escalation.internal.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.escalation.CandidateReason;
import org.recourse.escalation.internal.EscalationSettings;
import org.recourse.platform.DisplayTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The enforcement request as the authority reads it: the coordinators' template for the authority and
 * language (or the default one) filled in with to whom, on what
 * legal basis (per authority, from the message bundle, falling back to the authority's kind), the
 * platform as the directory knows it, the facts per item, what we ask, and how to reach the
 * hotline. It names items by URL and case number only — never the victim.
 */
@Component
public class RequestLetters {

    public record Letter(String subject, String body) {
    }

    private final TrackingRequests tracking;
    private final Directory directory;
    private final MessageSource messages;
    private final DisplayTime times;
    private final EscalationSettings settings;
    private final LetterTemplates templates;

    RequestLetters(TrackingRequests tracking, Directory directory, MessageSource messages, DisplayTime times,
                   EscalationSettings settings, LetterTemplates templates) {
        this.templates = templates;
        this.tracking = tracking;
        this.directory = directory;
        this.messages = messages;
        this.times = times;
        this.settings = settings;
    }

    /**
     * @throws RequestRefused {@code escalation.request.platform-unknown} or {@code escalation.request.authority-unknown}
     *                        when the directory no longer holds them
     */
    public Letter letter(TrackingRequests.Request request, String language) {
        Locale locale = locale(language);
        Organisation platform = directory.findByKey(request.platformKey())
                .orElseThrow(() -> new RequestRefused("escalation.request.platform-unknown"));
        Organisation authority = directory.findByKey(request.authorityKey())
                .orElseThrow(() -> new RequestRefused("escalation.request.authority-unknown"));
        List<TrackingRequests.Item> items = tracking.items(request.id());
        String facts = items.stream().map(item -> fact(item, locale)).collect(Collectors.joining("\n"));
        return templates.forAuthority(authority.key(), locale.getLanguage())
                .fill(values(request.reference(), authority, platform, items.size(), facts, locale));
    }

    /** The template filled with a made-up platform and item, for the editor's preview; {@code authority} null for the default. */
    public Letter preview(LetterTemplate template, Organisation authority) {
        Locale locale = locale(template.language());
        if (authority == null) {
            authority = new Organisation(null, "", text(locale, "escalation.template.sample.authority"),
                    org.recourse.directory.OrganisationKind.REGULATOR, "NL", null, null, false, false, false, null, null, false, null,
                    null, null, null, List.of(), List.of(), List.of(), List.of(), 0);
        }
        Organisation platform = new Organisation(null, "preview", text(locale, "escalation.template.sample.platform"),
                org.recourse.directory.OrganisationKind.PLATFORM, "IE", "Example Legal Rep Ltd", "IE", true, false, false,
                "dsa@platform.example", null, false, null, null, null, null, List.of(), List.of(), List.of(), List.of(), 0);
        String facts = text(locale, "escalation.letter.fact", "https://platform.example/p/123", "RC-0000-0000", 2,
                text(locale, "escalation.letter.fact.overdue", "2026-01-01"), text(locale, "escalation.reason.notices-ignored"));
        return template.fill(values("ER-PREVIEW0", authority, platform, 1, facts, locale));
    }

    private java.util.Map<String, String> values(String reference, Organisation authority, Organisation platform, int itemCount,
                                                 String facts, Locale locale) {
        String hotline = settings.sender().name();
        java.util.Map<String, String> values = new java.util.HashMap<>();
        values.put("{{reference}}", reference);
        values.put("{{authority}}", authority.name());
        values.put("{{hotline}}", hotline);
        values.put("{{platform}}", platform.name());
        values.put("{{item_count}}", String.valueOf(itemCount));
        values.put("{{basis}}", byAuthority("escalation.letter.basis", authority, locale));
        values.put("{{platform_facts}}", platformFacts(platform, locale));
        values.put("{{facts}}", facts);
        values.put("{{ask}}", byAuthority("escalation.letter.ask", authority, locale));
        values.put("{{evidence}}", text(locale, "escalation.letter.evidence.text", reference));
        values.put("{{contact}}", text(locale, "escalation.letter.contact.text", hotline, settings.sender().email(), reference));
        return values;
    }

    private static Locale locale(String language) {
        return Locale.forLanguageTag("en".equals(language) ? "en" : "nl");
    }

    /** The text for this authority ({@code key.<directory key>}), else for its kind, else the general one. */
    private String byAuthority(String key, Organisation authority, Locale locale) {
        return Optional.ofNullable(messages.getMessage(key + "." + authority.key(), null, null, locale))
                .or(() -> Optional.ofNullable(messages.getMessage(key + ".kind." + authority.kind().code(), null, null, locale)))
                .orElseGet(() -> text(locale, key + ".other"));
    }

    private String platformFacts(Organisation platform, Locale locale) {
        String unknown = text(locale, "escalation.letter.unknown");
        List<String> lines = new ArrayList<>();
        lines.add(text(locale, "escalation.letter.platform.name", platform.name()));
        lines.add(text(locale, "escalation.letter.platform.country", present(platform.country()) ? platform.country() : unknown));
        lines.add(text(locale, "escalation.letter.platform.representative", present(platform.legalRepresentative())
                ? platform.legalRepresentative() + (present(platform.legalRepresentativeCountry()) ? " (" + platform.legalRepresentativeCountry() + ")" : "")
                : unknown));
        lines.add(text(locale, platform.vlop() ? "escalation.letter.platform.vlop" : "escalation.letter.platform.not-vlop"));
        lines.add(text(locale, "escalation.letter.platform.contact", present(platform.dsaContact()) ? platform.dsaContact() : unknown));
        return String.join("\n", lines);
    }

    private String fact(TrackingRequests.Item item, Locale locale) {
        String reasons = item.reasons().stream().map(CandidateReason::code)
                .map(code -> text(locale, "escalation.reason." + code)).collect(Collectors.joining("; "));
        String overdue = item.overdueSince() == null ? text(locale, "escalation.letter.fact.not-overdue")
                : text(locale, "escalation.letter.fact.overdue", times.date(item.overdueSince()));
        return text(locale, "escalation.letter.fact", item.url(), item.caseNumber() == null ? "–" : item.caseNumber(),
                item.noticesSent() == null ? 0 : item.noticesSent(), overdue, reasons);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
