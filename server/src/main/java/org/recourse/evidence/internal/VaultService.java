package org.recourse.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.recourse.evidence.EvidenceRecord;
import org.recourse.evidence.EvidenceVault;
import org.recourse.evidence.internal.capture.CaptureRequests;
import org.springframework.stereotype.Service;

/** The module's public face: reporters' files, capture requests, a case's evidence list. */
@Service
class VaultService implements EvidenceVault {

    private final StoringEvidence storing;
    private final EvidenceObjects objects;
    private final CaptureRequests captures;

    VaultService(StoringEvidence storing, EvidenceObjects objects, CaptureRequests captures) {
        this.storing = storing;
        this.objects = objects;
        this.captures = captures;
    }

    @Override
    public EvidenceRecord storeReporterFile(UUID caseId, String filename, String contentType, InputStream in) throws IOException {
        return storing.upload(caseId, "reporter_upload", filename, contentType, in, "reporter").record();
    }

    @Override
    public UUID captureLater(UUID caseId, UUID itemId, String url) {
        return captures.request(caseId, itemId, url);
    }

    @Override
    public List<EvidenceRecord> forCase(UUID caseId) {
        return objects.forCase(caseId).stream().map(EvidenceObject::record).toList();
    }
}
