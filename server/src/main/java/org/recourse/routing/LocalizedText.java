package org.recourse.routing;

import java.util.Locale;

/** A text in Dutch (the default) and English. */
public record LocalizedText(String nl, String en) {

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : nl;
    }
}
