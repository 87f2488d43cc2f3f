package org.recourse.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.internal.vault.SealedBlobs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Showing evidence to staff: every reveal, view and download is written to the audit trail (the
 * object's chain of custody) before a byte leaves the vault.
 */
@Service
public class ShowingEvidence {

    /** How the bytes of an object leave the vault. */
    public enum Access {
        /** Unblurred on the object's page. */
        REVEALED("evidence.revealed", "unblurred on screen"),
        /** Shown in the browser (pictures, video, sound). */
        SHOWN("evidence.viewed", "shown in the browser"),
        /** Sent as a file because a browser must not render it. */
        SENT_AS_FILE("evidence.viewed", "sent as a file"),
        /** Downloaded on purpose. */
        DOWNLOADED("evidence.downloaded", null);

        private final String action;
        private final String detail;

        Access(String action, String detail) {
            this.action = action;
            this.detail = detail;
        }
    }

    private final AuditTrail audit;
    private final SealedBlobs blobs;

    public ShowingEvidence(AuditTrail audit, SealedBlobs blobs) {
        this.audit = audit;
        this.blobs = blobs;
    }

    /** Records the access; the caller has checked that the object exists and its case is not sealed. */
    @Transactional
    public void record(EvidenceObject object, Access access) {
        audit.record(access.action, "evidence", object.id().toString(), access.detail);
    }

    /** The decrypted bytes of an object whose access was recorded. */
    public InputStream open(EvidenceObject object) throws IOException {
        return blobs.open(object.blobId());
    }

    /** The object's chain of custody, oldest first. */
    public List<AuditEntry> custody(UUID objectId) {
        return audit.entriesFor("evidence", objectId.toString());
    }
}
