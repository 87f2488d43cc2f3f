package org.recourse.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.EvidenceRecord;
import org.recourse.evidence.EvidenceVault;
import org.recourse.evidence.EvidenceVault.CaptureTarget;
import org.recourse.evidence.internal.capture.CaptureRequests;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's public face: reporters' files, capture requests, a case's evidence list, seals. */
@Service
class VaultService implements EvidenceVault {

    private final StoringEvidence storing;
    private final EvidenceObjects objects;
    private final CaptureRequests captures;
    private final EvidenceSeals seals;
    private final AuditTrail audit;
    private final Clock clock;

    VaultService(StoringEvidence storing, EvidenceObjects objects, CaptureRequests captures, EvidenceSeals seals,
                 AuditTrail audit, Clock clock) {
        this.storing = storing;
        this.objects = objects;
        this.captures = captures;
        this.seals = seals;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public EvidenceRecord storeReporterFile(UUID caseId, String filename, String contentType, InputStream in) throws IOException {
        return storing.upload(caseId, "reporter_upload", filename, contentType, in, "reporter").record(null);
    }

    @Override
    public UUID captureLater(UUID caseId, UUID itemId, String url) {
        return captures.request(List.of(new CaptureTarget(caseId, itemId, url))).getFirst();
    }

    @Override
    public List<UUID> captureLater(List<CaptureTarget> targets) {
        return captures.request(targets);
    }

    @Override
    public List<EvidenceRecord> forCase(UUID caseId) {
        java.util.Map<UUID, String> pdq = objects.pdqForCase(caseId);
        return objects.forCase(caseId).stream().map(o -> o.record(pdq.get(o.id()))).toList();
    }

    @Override
    @Transactional
    public void seal(UUID caseId, String reason) {
        if (seals.seal(caseId, reason, actor(), clock.instant())) {
            audit.record("evidence.sealed", "case", caseId.toString(), reason);
        }
    }

    @Override
    public boolean isSealed(UUID caseId) {
        return seals.isSealed(caseId);
    }

    private static String actor() {
        if (AuditActor.current() != null) {
            return AuditActor.current();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
