package org.recourse.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.evidence.internal.vault.SealedBlobs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts bytes into the vault and records them as evidence of a case, audited as
 * {@code evidence.stored} or {@code evidence.captured}. The bytes stream into encrypted storage
 * first (their hash is known only at the end); the object and its audit entry then commit together.
 */
@Service
public class StoringEvidence {

    private final SealedBlobs blobs;
    private final EvidenceObjects objects;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final EvidenceSettings settings;
    private final Clock clock;

    public StoringEvidence(SealedBlobs blobs, EvidenceObjects objects, AuditTrail audit, TransactionTemplate transaction,
                           EvidenceSettings settings, Clock clock) {
        this.blobs = blobs;
        this.objects = objects;
        this.audit = audit;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** How a captured object was obtained; null fields for uploads. */
    public record Provenance(UUID itemId, UUID captureId, String sourceUrl, String finalUrl, Integer httpStatus,
                             String responseHeaders, String redirectChain, String resolvedIp, String tlsSha256, Instant capturedAt) {

        static Provenance upload(Instant at) {
            return new Provenance(null, null, null, null, null, null, null, null, null, at);
        }
    }

    public EvidenceObject upload(UUID caseId, String evidenceClass, String filename, String contentType, InputStream in,
                                 String addedBy) throws IOException {
        return store(caseId, evidenceClass, "file", filename, contentType, in, addedBy, Provenance.upload(clock.instant()));
    }

    public EvidenceObject store(UUID caseId, String evidenceClass, String kind, String filename, String contentType,
                                InputStream in, String addedBy, Provenance provenance) throws IOException {
        SealedBlobs.StoredBlob blob = blobs.store(in);
        Instant at = provenance.capturedAt().truncatedTo(ChronoUnit.MICROS);
        EvidenceObject object = new EvidenceObject(UUID.randomUUID(), caseId, provenance.itemId(), provenance.captureId(), blob.id(),
                evidenceClass, kind, cleanFilename(filename), cleanContentType(contentType), blob.size(), blob.sha256(),
                provenance.sourceUrl(), provenance.finalUrl(), provenance.httpStatus(), provenance.responseHeaders(),
                provenance.redirectChain(), provenance.resolvedIp(), provenance.tlsSha256(), at, addedBy,
                at.plus(settings.retention().of(evidenceClass)), null);
        transaction.executeWithoutResult(status -> {
            objects.insert(object);
            audit.record(evidenceClass.equals("capture") ? "evidence.captured" : "evidence.stored", "evidence",
                    object.id().toString(), "case " + caseId + ", " + kind + ", sha256 " + blob.sha256() + ", " + blob.size() + " bytes"
                            + (blob.alreadyStored() ? ", identical bytes already in the vault" : ""));
        });
        return object;
    }

    static String cleanFilename(String filename) {
        if (filename == null || filename.isBlank()) {
            return null;
        }
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static String cleanContentType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.matches("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*") ? type : "application/octet-stream";
    }
}
