package org.recourse.taxonomy;

import java.util.Locale;

/**
 * One form of violence. {@code code} is stable and referenced by other modules; labels and help
 * text exist in Dutch (the default) and English.
 *
 * @param code      stable identifier, e.g. {@code non_consensual_sharing}
 * @param group     the group it is listed under, see {@link ViolenceGroup}
 * @param sortOrder position within its group, low first
 */
public record ViolenceForm(String code, ViolenceGroup group, String labelNl, String labelEn,
                           String helpNl, String helpEn, int sortOrder) {

    public static final String SOMETHING_ELSE = "something_else";
    public static final String CHILD_SEXUAL_ABUSE_MATERIAL = "child_sexual_abuse_material";

    public String label(Locale locale) {
        return english(locale) ? labelEn : labelNl;
    }

    public String help(Locale locale) {
        return english(locale) ? helpEn : helpNl;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
