package org.recourse.intake;

import java.time.Instant;
import java.util.UUID;

/** A new case was created from a report; announced in {@link ReportsReceived}. */
public record ReportReceived(UUID caseId, String caseNumber, Instant receivedAt) {
}
