package org.recourse.statistics.internal.annual;

/** An editable text of an annual report; {@link #INDEPENDENCE} is how the trusted flagger stays independent (DSA art. 22(3)). */
public enum AnnualSection {
    INTRODUCTION, INDEPENDENCE, OUTLOOK;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String headingKey() {
        return "statistics.annual.section." + code();
    }
}
