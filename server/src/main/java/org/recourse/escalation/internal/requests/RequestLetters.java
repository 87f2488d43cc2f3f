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
 * The enforcement request as the authority reads it, in the request's language: to whom, on what
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

    RequestLetters(TrackingRequests tracking, Directory directory, MessageSource messages, DisplayTime times,
                   EscalationSettings settings) {
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
        Locale locale = Locale.forLanguageTag("en".equals(language) ? "en" : "nl");
        Organisation platform = directory.findByKey(request.platformKey())
                .orElseThrow(() -> new RequestRefused("escalation.request.platform-unknown"));
        Organisation authority = directory.findByKey(request.authorityKey())
                .orElseThrow(() -> new RequestRefused("escalation.request.authority-unknown"));
        List<TrackingRequests.Item> items = tracking.items(request.id());
        String hotline = settings.sender().name();

        List<String> body = new ArrayList<>();
        body.add(text(locale, "escalation.letter.to", authority.name()));
        body.add("");
        body.add(text(locale, "escalation.letter.opening", hotline, platform.name(), items.size()));
        section(body, locale, "escalation.letter.basis", basis(authority, locale));
        section(body, locale, "escalation.letter.platform", platformFacts(platform, locale));
        section(body, locale, "escalation.letter.facts", items.stream().map(item -> fact(item, locale)).collect(Collectors.joining("\n")));
        section(body, locale, "escalation.letter.ask", byAuthority("escalation.letter.ask", authority, locale));
        section(body, locale, "escalation.letter.evidence", text(locale, "escalation.letter.evidence.text", request.reference()));
        section(body, locale, "escalation.letter.contact", text(locale, "escalation.letter.contact.text", hotline,
                settings.sender().email(), request.reference()));
        body.add("");
        body.add(text(locale, "escalation.letter.closing", hotline));
        String subject = text(locale, "escalation.letter.subject", request.reference(), platform.name(), items.size());
        return new Letter(subject, String.join("\n", body) + "\n");
    }

    private void section(List<String> body, Locale locale, String headingKey, String content) {
        body.add("");
        body.add(text(locale, headingKey));
        body.add(content);
    }

    private String basis(Organisation authority, Locale locale) {
        return byAuthority("escalation.letter.basis", authority, locale);
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
