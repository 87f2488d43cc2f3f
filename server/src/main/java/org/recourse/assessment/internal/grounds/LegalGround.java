package org.recourse.assessment.internal.grounds;

import java.util.Locale;

/**
 * A legal ground analysts can pick.
 *
 * @param citation how notices and dossiers quote it, e.g. {@code art. 139h Sr}
 * @param law      the body of law it belongs to, e.g. {@code Sr}, {@code DSA}
 */
public record LegalGround(String code, String citation, String labelNl, String labelEn, String law, int sortOrder,
                          boolean active) {

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelNl;
    }
}
