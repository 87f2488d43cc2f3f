package org.recourse.intake.internal.search;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.recourse.intake.internal.cases.CaseNumbers;

/**
 * What a search text can be, decided from its shape: the start of a case number, a piece of a
 * URL or of an account name, a domain, an e-mail address, and always words to look for in what
 * reporters wrote. Anything typed is safe: it only ever reaches the database as a bound value,
 * LIKE wildcards in it are escaped, and words go through {@code websearch_to_tsquery}, which
 * accepts any text.
 *
 * @param text         the cleaned text (no control characters, single spaces)
 * @param numberPrefix e.g. {@code RC-7K3M-Q}, or null
 * @param fragment     a LIKE pattern for a piece of a URL or account ({@code %...%}), or null
 * @param domain       a host name, matched with its subdomains, or null
 * @param email        lower case, or null
 */
record SearchTerms(String text, String numberPrefix, String fragment, String domain, String email) {

    /** Longer texts are refused with a message rather than searched. */
    static final int MAX_LENGTH = 200;
    /** Trigram indexes need three characters; shorter pieces would read every row. */
    static final int MIN_FRAGMENT = 3;

    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Why a text was not searched. */
    enum Refusal {
        EMPTY, TOO_LONG
    }

    /** The terms, or why there are none. */
    record Parsed(SearchTerms terms, Refusal refusal, boolean cleaned) {
    }

    static Parsed parse(String raw) {
        if (raw == null) {
            return new Parsed(null, Refusal.EMPTY, false);
        }
        String withoutControls = raw.replaceAll("[\\p{Cc}&&[^\\t\\n\\r]]", "");
        boolean cleaned = withoutControls.length() != raw.length();
        String text = withoutControls.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return new Parsed(null, Refusal.EMPTY, cleaned);
        }
        if (text.length() > MAX_LENGTH) {
            return new Parsed(null, Refusal.TOO_LONG, cleaned);
        }
        boolean oneToken = !text.contains(" ");
        String numberPrefix = oneToken ? CaseNumbers.prefix(text).orElse(null) : null;
        String email = oneToken && EMAIL.matcher(text).matches() ? text.toLowerCase(Locale.ROOT) : null;
        String piece = oneToken ? withoutScheme(text) : null;
        String fragment = piece != null && piece.length() >= MIN_FRAGMENT ? "%" + escapeLike(piece) + "%" : null;
        String domain = oneToken && DOMAIN.matcher(text).matches() ? text.toLowerCase(Locale.ROOT) : null;
        return new Parsed(new SearchTerms(text, numberPrefix, fragment, domain, email), null, cleaned);
    }

    /** {@link #domain} written backwards, as the index on reversed host names holds it. */
    String reversedDomain() {
        return domain == null ? null : new StringBuilder(domain).reverse().toString();
    }

    /** Subdomains of {@link #domain} as a prefix pattern on reversed host names ({@code moc.margatsni.%}). */
    String reversedSubdomains() {
        return domain == null ? null : escapeLike(reversedDomain()) + ".%";
    }

    Optional<String> words() {
        return text.chars().anyMatch(Character::isLetterOrDigit) ? Optional.of(text) : Optional.empty();
    }

    /** A pasted address matches whether it was reported with http or https, and an account with or without its @. */
    private static String withoutScheme(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"https://", "http://"}) {
            if (lower.startsWith(prefix)) {
                return token.substring(prefix.length());
            }
        }
        return token.startsWith("@") ? token.substring(1) : token;
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
