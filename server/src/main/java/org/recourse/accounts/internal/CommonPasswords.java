package org.recourse.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The passwords attackers try first (NIST SP 800-63B 3.1.1.2): the 30,000 most common passwords
 * from leaked password databases, as shipped in zxcvbn4j's frequency list (MIT licence, see
 * docs/third-party.md), plus words that name this service. A password is common if, ignoring
 * case, it is on the list, or is a listed password or a service word with only digits and
 * symbols around it ({@code Password1234!}, {@code 2024recourse}), or is one character repeated or a
 * run of consecutive characters ({@code 123456789012}, {@code abcdefghijkl}).
 */
final class CommonPasswords {

    private static final String LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
    private static final Set<String> SERVICE_WORDS = Set.of("recourse", "helpwanted", "meldpunt", "hotline", "welkom");
    private static final Pattern DECORATION = Pattern.compile("^[\\d\\p{Punct}\\s]*(.*?)[\\d\\p{Punct}\\s]*$");

    private CommonPasswords() {
    }

    static boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (Holder.LIST.contains(lower) || lower.chars().distinct().count() == 1 || isRun(lower)) {
            return true;
        }
        var core = DECORATION.matcher(lower);
        String base = core.matches() ? core.group(1) : lower;
        return !base.isEmpty() && (Holder.LIST.contains(base) || SERVICE_WORDS.contains(base));
    }

    /** Every character one up (or one down) from the one before; digits wrap from 9 to 0. */
    private static boolean isRun(String text) {
        int up = 0;
        int down = 0;
        for (int i = 1; i < text.length(); i++) {
            int step = text.charAt(i) - text.charAt(i - 1);
            boolean digits = Character.isDigit(text.charAt(i)) && Character.isDigit(text.charAt(i - 1));
            if (step == 1 || digits && step == -9) {
                up++;
            } else if (step == -1 || digits && step == 9) {
                down++;
            }
        }
        return up == text.length() - 1 || down == text.length() - 1;
    }

    /** Loaded once, on first use. */
    private static final class Holder {
        static final Set<String> LIST = load();

        private static Set<String> load() {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(CommonPasswords.LIST)) {
                if (in == null) {
                    throw new IllegalStateException("the common-password list " + CommonPasswords.LIST + " is missing");
                }
                Set<String> words = new HashSet<>(40_000);
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::strip).filter(w -> !w.isEmpty()).map(w -> w.toLowerCase(Locale.ROOT)).forEach(words::add);
                return Set.copyOf(words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
