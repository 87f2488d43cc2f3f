package org.recourse.escalation;

import java.util.Locale;

/** Why something is an escalation candidate; {@link #code()} is what the command line prints. */
public enum CandidateReason {
    /** Still online past the SLA after the configured number of notices. */
    NOTICES_IGNORED,
    /** Still online and overdue for the configured number of days. */
    LONG_OVERDUE,
    /** The platform leaves more than the configured share of its notices unacknowledged. */
    PATTERN_IGNORED,
    /** The platform refused to act, with reasons an analyst disputes. */
    REFUSAL_DISPUTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CandidateReason ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
