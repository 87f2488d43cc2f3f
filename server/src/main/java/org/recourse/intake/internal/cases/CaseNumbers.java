package org.recourse.intake.internal.cases;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Case numbers such as {@code RC-7K3M-Q9PX}: eight random symbols (40 bits) from Crockford's
 * base-32 alphabet, which has no I, L, O or U, so a number read out over the phone cannot be
 * misheard as another. Random, not sequential, so a number reveals nothing about how many cases
 * exist and cannot be guessed from a neighbour.
 */
public final class CaseNumbers {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom random = new SecureRandom();

    private CaseNumbers() {
    }

    public static String next() {
        return "RC-" + symbols(4) + "-" + symbols(4);
    }

    /** The canonical form of what someone typed, or empty if it cannot be a case number. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String symbols = canonicalSymbols(typed);
        if (symbols.length() == 10 && symbols.startsWith("RC")) {
            symbols = symbols.substring(2);
        }
        if (symbols.length() != 8) {
            return Optional.empty();
        }
        return Optional.of("RC-" + symbols.substring(0, 4) + "-" + symbols.substring(4));
    }

    /**
     * The start of a case number someone typed, canonical ({@code "7k3"} and {@code "rc-7k3"} give
     * {@code "RC-7K3"}), for finding every case that begins with it; empty if the text cannot be
     * one. Without the {@code RC} the text must hold a digit and three symbols, so ordinary words
     * are not read as case numbers.
     */
    public static Optional<String> prefix(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip().toUpperCase(Locale.ROOT);
        boolean marked = text.startsWith("RC");
        if (!marked && text.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String symbols = canonicalSymbols(marked ? text.substring(2) : text);
        if (symbols.length() > 8 || symbols.length() < (marked ? 2 : 3)) {
            return Optional.empty();
        }
        return Optional.of("RC-" + (symbols.length() <= 4 ? symbols : symbols.substring(0, 4) + "-" + symbols.substring(4)));
    }

    /**
     * Upper-cases, drops separators and maps look-alikes (O to 0, I and L to 1) as Crockford
     * decoding does; returns an empty string if anything else remains.
     */
    static String canonicalSymbols(String typed) {
        StringBuilder out = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (mapped == '-' || mapped == ' ' || mapped == '.') {
                continue;
            }
            if (ALPHABET.indexOf(mapped) < 0) {
                return "";
            }
            out.append(mapped);
        }
        return out.toString();
    }

    static String symbols(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
