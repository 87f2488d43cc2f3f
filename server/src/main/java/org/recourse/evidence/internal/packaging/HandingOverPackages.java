package org.recourse.evidence.internal.packaging;

import java.io.IOException;
import java.io.InputStream;

import org.recourse.audit.AuditTrail;
import org.recourse.evidence.internal.EvidenceObject;
import org.recourse.evidence.internal.EvidenceObjects;
import org.recourse.evidence.internal.packaging.EvidencePackages.EvidencePackage;
import org.recourse.evidence.internal.vault.SealedBlobs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A package leaving the vault: a staff download or the hand-over to the organisation it was made
 * for, recorded on the chain of custody of every object in it before the bytes are served.
 */
@Service
public class HandingOverPackages {

    private final EvidenceObjects objects;
    private final AuditTrail audit;
    private final SealedBlobs blobs;

    public HandingOverPackages(EvidenceObjects objects, AuditTrail audit, SealedBlobs blobs) {
        this.objects = objects;
        this.audit = audit;
        this.blobs = blobs;
    }

    /** A staff member downloads a package (the case is not sealed; the caller checked). */
    @Transactional
    public void downloadedByStaff(EvidencePackage found) {
        recordOnObjects(found, "evidence.package_downloaded", "package " + found.id() + " downloaded by staff");
    }

    /** A liaison of the organisation the package was made for takes it. */
    @Transactional
    public void handedOver(EvidencePackage found, String organisation) {
        recordOnObjects(found, "evidence.handed_over", "package " + found.id() + " handed over to " + organisation);
        audit.record("evidence_package.handed_over", "evidence_package", found.id().toString(), "to " + organisation);
    }

    /** The package's ZIP, decrypted while it is read. */
    public InputStream open(EvidencePackage found) throws IOException {
        return blobs.open(found.blobId());
    }

    private void recordOnObjects(EvidencePackage found, String action, String detail) {
        for (EvidenceObject object : objects.forCase(found.caseId())) {
            boolean inPackage = audit.entriesFor("evidence", object.id().toString()).stream()
                    .anyMatch(e -> e.action().equals("evidence.exported") && e.detail() != null
                            && e.detail().startsWith("package " + found.id()));
            if (inPackage) {
                audit.record(action, "evidence", object.id().toString(), detail);
            }
        }
    }
}
