package org.recourse.intake;

import java.util.UUID;

/**
 * One thing reported in a case: a URL (normalised) and/or a platform and account, or a
 * description of something not online.
 *
 * @param linkedCaseId the earlier open case in which the same URL was already reported, or null
 */
public record ReportedItem(UUID id, UUID caseId, String url, String host, String platform, String account,
                           String description, UUID linkedCaseId) {
}
