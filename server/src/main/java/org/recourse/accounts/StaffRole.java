package org.recourse.accounts;

/** What a staff member may do. A person can hold several roles. */
public enum StaffRole {
    /** Manages accounts, API keys and settings. */
    ADMIN,
    /** Manages directory, templates, rules and question sets; confirms decisions; reports. */
    COORDINATOR,
    /** Takes in, assesses and follows up reports. */
    ANALYST,
    /** An outside police or regulator contact: sees only what is addressed to their organisation. */
    LIAISON,
    /** Reads the audit trail. */
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
