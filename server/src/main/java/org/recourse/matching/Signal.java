package org.recourse.matching;

import java.util.regex.Pattern;
import java.util.Locale;

/**
 * A checked signal: its type and lower-case hex. Build it with {@link #parse}, which says what is
 * wrong with a malformed one.
 */
public record Signal(SignalType type, String hex) {

    private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]+");

    public Signal {
        if (type == null || hex == null || hex.length() != type.hexLength() || !LOWER_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a " + type + " signal");
        }
    }

    /** Why a presented signal cannot be used. */
    public enum Problem { MALFORMED_HEX, WRONG_LENGTH }

    /** The signal, or the problem with it. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    public record Valid(Signal signal) implements Parsed {
    }

    public record Invalid(Problem problem) implements Parsed {
    }

    public static Parsed parse(SignalType type, String presented) {
        String hex = presented == null ? "" : presented.strip().toLowerCase(Locale.ROOT);
        if (!LOWER_HEX.matcher(hex).matches()) {
            return new Invalid(Problem.MALFORMED_HEX);
        }
        if (hex.length() != type.hexLength()) {
            return new Invalid(Problem.WRONG_LENGTH);
        }
        return new Valid(new Signal(type, hex));
    }
}
