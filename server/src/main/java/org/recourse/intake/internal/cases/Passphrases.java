package org.recourse.intake.internal.cases;

/**
 * The reporter's secret: five groups of four symbols from the case-number alphabet, e.g.
 * {@code 7K3M-Q9PX-T2VB-8HDR-M4ZA}: 100 random bits, far beyond guessing even with unlimited tries,
 * yet easy to copy by hand. Typing is forgiving in the same way as for case numbers.
 */
public final class Passphrases {

    static final int GROUPS = 5;
    static final int GROUP_LENGTH = 4;

    private Passphrases() {
    }

    public static String next() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i > 0) {
                out.append('-');
            }
            out.append(CaseNumbers.symbols(GROUP_LENGTH));
        }
        return out.toString();
    }

    /** What is hashed and compared: the symbols only, so separators and case do not matter. */
    public static String canonical(String typed) {
        return typed == null ? "" : CaseNumbers.canonicalSymbols(typed);
    }
}
