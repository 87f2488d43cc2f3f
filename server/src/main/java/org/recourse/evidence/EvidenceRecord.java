package org.recourse.evidence;

import java.time.Instant;
import java.util.UUID;

/**
 * A piece of evidence as other modules see it: what and when, never the bytes.
 *
 * @param kind   {@code page}, {@code media}, {@code screenshot} or {@code file}
 * @param sha256 hex SHA-256 of the bytes; null once retention deleted them
 * @param pdq    hex PDQ hash of a captured picture (media or screenshot); null for anything else and once retention deleted it
 */
public record EvidenceRecord(UUID id, UUID caseId, String kind, String filename, String contentType, long size,
                             String sha256, String sourceUrl, Instant capturedAt, boolean purged,
                             String pdq) {
}
