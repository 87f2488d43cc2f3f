package org.recourse.platform;

/**
 * The stages of the chain a hotline works along, in order; the staff menu groups its entries by
 * them, so a module that arrives later (escalation, prevention, statistics) files its pages where
 * an analyst expects them.
 */
public enum StaffStage {
    INTAKE,
    ASSESSMENT,
    TAKEDOWN,
    ESCALATION,
    PREVENTION,
    STATISTICS,
    ADMINISTRATION;

    /** Message key of the stage's name in the menu. */
    public String labelKey() {
        return "platform.stage." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
