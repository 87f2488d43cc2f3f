package org.recourse.evidence.internal;

import java.time.Instant;
import java.util.UUID;

import org.recourse.evidence.EvidenceRecord;

/** One piece of evidence with everything recorded about how it was obtained. */
public record EvidenceObject(UUID id, UUID caseId, UUID itemId, UUID captureId, UUID blobId, String evidenceClass, String kind,
                             String filename, String contentType, long size, String sha256, String sourceUrl, String finalUrl,
                             Integer httpStatus, String responseHeaders, String redirectChain, String resolvedIp,
                             String tlsSha256, Instant capturedAt, String addedBy, Instant retainUntil, Instant purgedAt) {

    public boolean purged() {
        return purgedAt != null;
    }

    public boolean image() {
        return contentType.startsWith("image/") && !purged();
    }

    public boolean video() {
        return contentType.startsWith("video/") && !purged();
    }

    /** As other modules see it, with the picture's PDQ hash where one was computed. */
    public EvidenceRecord record(String pdq) {
        return new EvidenceRecord(id, caseId, kind, filename, contentType, size, sha256, sourceUrl, capturedAt, purged(),
                purged() ? null : pdq);
    }
}
