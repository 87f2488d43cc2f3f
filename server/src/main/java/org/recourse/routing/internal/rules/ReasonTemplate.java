package org.recourse.routing.internal.rules;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.recourse.directory.Organisation;
import org.recourse.routing.LocalizedText;

/**
 * Fills the facts into a rule's reason, so the analyst reads "Instagram is gevestigd in Ierland"
 * rather than a generic sentence.
 */
final class ReasonTemplate {

    static final Set<String> PLACEHOLDERS = Set.of("platform", "country", "supervisionCountry", "forwardTo", "days");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Locale DUTCH = Locale.of("nl");

    private ReasonTemplate() {
    }

    /** Placeholders in {@code text} that this class does not know. */
    static Set<String> unknownPlaceholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        java.util.Set<String> unknown = new java.util.TreeSet<>();
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }

    static LocalizedText render(LocalizedText template, Situation situation, LocalizedText forwardToName) {
        return new LocalizedText(
                render(template.nl(), situation, forwardToName == null ? null : forwardToName.nl(), DUTCH),
                render(template.en(), situation, forwardToName == null ? null : forwardToName.en(), Locale.ENGLISH));
    }

    private static String render(String text, Situation situation, String forwardTo, Locale language) {
        // Every case in the queue is routed: most reasons have no placeholder, and those that do
        // name one or two, so only those are looked up.
        if (text.indexOf('{') < 0) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = value(matcher.group(1), situation, forwardTo, language);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String value(String placeholder, Situation situation, String forwardTo, Locale language) {
        Organisation platform = situation.facts().platform();
        Integer days = situation.facts().daysAgo();
        return switch (placeholder) {
            case "platform" -> platform == null ? unknown(language) : platform.name();
            case "country" -> countryName(platform == null ? null : platform.country(), language);
            case "supervisionCountry" -> countryName(situation.supervisionCountry(), language);
            case "forwardTo" -> forwardTo == null ? unknown(language) : forwardTo;
            case "days" -> days == null ? unknown(language) : days.toString();
            default -> null;
        };
    }

    static String countryName(String isoCode, Locale language) {
        if (isoCode == null || isoCode.isBlank()) {
            return unknown(language);
        }
        return Locale.of("", isoCode.toUpperCase(Locale.ROOT)).getDisplayCountry(language);
    }

    private static String unknown(Locale language) {
        return "en".equals(language.getLanguage()) ? "(unknown)" : "(onbekend)";
    }
}
