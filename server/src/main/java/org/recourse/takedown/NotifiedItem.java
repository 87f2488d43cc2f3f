package org.recourse.takedown;

import java.util.Set;
import java.util.UUID;

import org.recourse.routing.LegalStatus;

/**
 * One item a notice named, with what escalation needs to weigh and route it.
 *
 * @param noticesSent      notices sent for this item so far, first notice and re-notices together
 * @param childSexualAbuse the assessment found child sexual abuse material
 */
public record NotifiedItem(UUID caseId, UUID reportedItemId, String url, LegalStatus legalStatus, Set<String> forms,
                           boolean childSexualAbuse, int noticesSent) {

    public NotifiedItem {
        forms = Set.copyOf(forms);
    }
}
