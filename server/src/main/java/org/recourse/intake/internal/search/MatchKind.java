package org.recourse.intake.internal.search;

/** Why a case was found: shown with each result so an analyst sees what the text matched. */
enum MatchKind {
    NUMBER, URL, DOMAIN, ACCOUNT, EMAIL, WORDS, OTHER;

    public String labelKey() {
        return "intake.search.match." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
