package org.recourse.assessment.internal.assessing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.recourse.routing.LegalStatus;

/**
 * An analyst's assessment of an entry together with the decision it leads to.
 *
 * @param legalStatus null when not chosen
 * @param answers     per question id, what was given (empty list when nothing)
 */
public record Submission(LegalStatus legalStatus, List<String> forms, List<String> legalGrounds, String substantiation,
                         boolean threatToLife, Map<UUID, List<String>> answers, DecisionRequest decision) {

    /**
     * @param outcome   null when not chosen
     * @param note      the reason for closing, or a note for the confirmer
     * @param referrals directory keys of help organisations to refer the victim to
     */
    public record DecisionRequest(Outcome outcome, String note, List<String> referrals) {
    }
}
