package org.recourse.intake;

/** Who reported: the person concerned, someone on their behalf, or a professional. */
public enum ReporterType {
    SELF, ON_BEHALF, PROFESSIONAL;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ReporterType fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
