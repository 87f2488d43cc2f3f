package org.recourse.statistics;

import java.util.Locale;

/**
 * Where the facts behind a measure come from. A measure whose source nothing in the running
 * system records is shown as "not yet recorded", never as zero.
 */
public enum Source {
    /** Reports and cases (intake). */
    CASES,
    /** Notices, answers and removals (takedown). */
    NOTICES,
    /** Referrals made by decisions (assessment). */
    REFERRALS,
    /** Escalations to regulators or police (escalation module): publish {@link EscalationRecorded}. */
    ESCALATIONS,
    /** Re-uploads found: an analyst confirmed a match (matching's {@code ReuploadConfirmed}). */
    REUPLOADS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
