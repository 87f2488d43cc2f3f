package org.recourse.assessment.internal.assessing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.recourse.routing.LegalStatus;

/**
 * The judgement of one entry, kept as it was made.
 *
 * @param legalGrounds   codes of the legal grounds picked
 * @param substantiation the analyst's explanation, quoted verbatim in notices and dossiers
 * @param answers        per question id, the answer(s) given
 */
public record Assessment(UUID id, UUID entryId, UUID caseId, LegalStatus legalStatus, List<String> forms,
                         List<String> legalGrounds, String substantiation, boolean threatToLife, String assessedBy,
                         Instant assessedAt, Map<UUID, List<String>> answers) {
}
