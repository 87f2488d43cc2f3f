package org.recourse.takedown;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice reached its recipient (or an analyst recorded submitting a platform's web form); its
 * clock starts now.
 *
 * @param recipientKey   the directory key of the platform or hoster notified
 * @param trustedFlagger whether it was sent as a DSA trusted flagger's notice
 * @param slaDueAt       when an answer is due
 * @param caseIds        the cases its items come from
 * @param items          how many items it names
 * @param legalStatus    the assessment's legal status of its first item (ILLEGAL, UNLAWFUL, ...)
 * @param forms          taxonomy codes of the forms of violence of its items, first item first
 */
public record NoticeSent(UUID noticeId, String recipientKey, boolean trustedFlagger, Instant sentAt, Instant slaDueAt,
                         List<UUID> caseIds, int items, String legalStatus, List<String> forms) {
}
