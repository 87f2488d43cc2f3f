package org.recourse.directory;

/** What an organisation is to a case: someone who receives notices, can act, or helps the victim. */
public enum OrganisationKind {
    PLATFORM, HOSTER, REGISTRAR, SITE_OWNER, REGULATOR, POLICE, PROSECUTOR, HELP;

    /** The lower-case code used in rule data, URLs and forms, e.g. {@code site_owner}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static OrganisationKind ofCode(String code) {
        return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
