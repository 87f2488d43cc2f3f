package org.recourse.assessment.internal.queue;

import java.util.Locale;

/**
 * Why an entry was closed, as stored in {@code closed_reason}: a code and the analyst's words
 * ({@code duplicate: same as RC-…}), the code alone, or the closing decision's note. Pages show
 * the code in the reader's language and the words as written.
 *
 * @param text what the analyst wrote, or null
 */
public record ClosedReason(Kind kind, String text) {

    /** How an entry came to be closed. */
    public enum Kind {
        DUPLICATE, NOT_ACTIONABLE, CASE_NOT_OPEN, DECIDED;

        /** The stored code, e.g. {@code not_actionable}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Until issue 14 the code of a withdrawn case was stored as English words; they still read the same. */
    private static final String LEGACY_CASE_NOT_OPEN = "case no longer open";

    public static ClosedReason of(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.equals(Kind.CASE_NOT_OPEN.code()) || stored.equals(LEGACY_CASE_NOT_OPEN)) {
            return new ClosedReason(Kind.CASE_NOT_OPEN, null);
        }
        for (Kind kind : new Kind[] {Kind.DUPLICATE, Kind.NOT_ACTIONABLE}) {
            if (stored.startsWith(kind.code() + ":")) {
                String words = stored.substring(kind.code().length() + 1).strip();
                return new ClosedReason(kind, words.isEmpty() ? null : words);
            }
        }
        return new ClosedReason(Kind.DECIDED, stored.isBlank() ? null : stored);
    }

    /** What is stored for a closing by {@code kind} with the analyst's words. */
    static String stored(Kind kind, String words) {
        return words == null || words.isBlank() ? kind.code() : kind.code() + ": " + words;
    }

    public String labelKey() {
        return "assessment.closed." + kind.code();
    }
}
