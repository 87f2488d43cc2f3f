package org.recourse.statistics.internal.annual;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages an annual report is written and published in. */
public enum ReportLanguage {
    NL, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<ReportLanguage> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }

    /** The language of {@code locale}, Dutch unless it is English. */
    public static ReportLanguage of(Locale locale) {
        return "en".equals(locale.getLanguage()) ? EN : NL;
    }
}
