package org.recourse.intake;

/** How a report reached the reporting point. */
public enum Channel {
    WEB_FORM, PHONE, CHAT, EMAIL, PARTNER_API, CSV_IMPORT, MAILBOX;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Channel fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
