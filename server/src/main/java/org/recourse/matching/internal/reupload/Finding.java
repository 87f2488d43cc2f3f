package org.recourse.matching.internal.reupload;

import java.time.Instant;
import java.util.UUID;

/** A captured image that matches a banked entry of another case: perhaps the same image, uploaded again. */
public record Finding(UUID id, long entryId, UUID originalCaseId, UUID captureCaseId, UUID evidenceId, UUID originalEvidenceId,
               String url, int distance, Status status, Instant foundAt, Instant decidedAt, String decidedBy) {

    public enum Status { OPEN, CONFIRMED, DISMISSED }
}
