package org.recourse.referral.internal.signpost;

import java.util.List;

/**
 * What the signpost tells her: who can act, who can help, and the safe answer that is always
 * there (emergency number, Centrum Seksueel Geweld, this hotline).
 *
 * @param routed  whether the answers were enough to route; if not, only the safe answer is given
 * @param notes   message keys of remarks about the answers (not recognised, contradictory)
 * @param danger  she said she is in danger now: the emergency number comes first
 */
public record SignpostAdvice(boolean routed, List<Step> actions, List<Step> help, Step sexualViolenceCentre,
                             List<String> notes, boolean danger) {

    public SignpostAdvice {
        actions = List.copyOf(actions);
        help = List.copyOf(help);
        notes = List.copyOf(notes);
    }

    /**
     * One body and why.
     *
     * @param body    the organisation as the analysts' advice and {@code ./recourse route} name it
     * @param kind    the routing kind of the step (notice, police, regulator, ...), or {@code referral}
     */
    public record Step(String body, String kind, String phone, String website, String reason, boolean urgent) {
    }
}
