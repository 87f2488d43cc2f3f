package org.recourse.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An item was judged and the decision to have it taken down took effect (confirmed by a
 * second person where four-eyes applies). The takedown capability sends the notices.
 *
 * @param assessmentId   the assessment that led here
 * @param caseId         the intake case
 * @param itemId         the reported item
 * @param url            the exact location of the content (normalised)
 * @param platformKey    the directory key of the platform the item is on, if known
 * @param legalStatus    ILLEGAL, UNLAWFUL, HARMFUL or NOT_PROBLEMATIC
 * @param forms          taxonomy codes of the forms of violence
 * @param legalGrounds   the legal grounds picked, as shown to people (e.g. "art. 139h Sr")
 * @param substantiation the analyst's written explanation; goes verbatim into notices (DSA art. 16(2)(a))
 * @param childSexualAbuse true when the content is CSAM: notices then leave out the notifier's name (art. 16(2)(c))
 * @param decidedBy      who decided
 * @param confirmedBy    who confirmed, or null where no confirmation was needed
 * @param decidedAt      when the decision took effect
 */
public record TakedownDecided(UUID assessmentId, UUID caseId, UUID itemId, String url, String platformKey,
                              String legalStatus, List<String> forms, List<String> legalGrounds,
                              String substantiation, boolean childSexualAbuse, String decidedBy,
                              String confirmedBy, Instant decidedAt) {
}
