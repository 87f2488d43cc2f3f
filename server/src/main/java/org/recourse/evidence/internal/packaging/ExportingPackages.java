package org.recourse.evidence.internal.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.internal.EvidenceObject;
import org.recourse.evidence.internal.EvidenceObjects;
import org.recourse.evidence.internal.EvidenceSeals;
import org.recourse.evidence.internal.EvidenceSettings;
import org.recourse.evidence.internal.packaging.EvidencePackages.EvidencePackage;
import org.recourse.evidence.internal.vault.SealedBlobs;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports a case's evidence as a package. The ZIP is streamed straight into the vault
 * (encrypted, like the evidence in it) so it can be handed over later exactly as made; each
 * object's custody records the export, and the manifest carries that custody.
 */
@Service
public class ExportingPackages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EvidenceObjects objects;
    private final SealedBlobs blobs;
    private final EvidencePackages packages;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final EvidenceSettings settings;
    private final Clock clock;
    private final EvidenceSeals seals;

    ExportingPackages(EvidenceObjects objects, SealedBlobs blobs, EvidencePackages packages, AuditTrail audit,
                      TransactionTemplate transaction, MessageSource messages, EvidenceSettings settings, Clock clock,
                      EvidenceSeals seals) {
        this.seals = seals;
        this.objects = objects;
        this.blobs = blobs;
        this.packages = packages;
        this.audit = audit;
        this.transaction = transaction;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** @throws CaseSealed when the case's evidence is sealed */
    public EvidencePackage export(UUID caseId, String recipientOrganisation, String createdBy, Locale locale) {
        if (seals.isSealed(caseId)) {
            throw new CaseSealed(caseId);
        }
        return transaction.execute(status -> {
            UUID packageId = UUID.randomUUID();
            Instant now = clock.instant();
            String recipient = recipientOrganisation == null || recipientOrganisation.isBlank() ? null : recipientOrganisation.trim();
            List<EvidenceObject> included = objects.forCase(caseId).stream().filter(o -> !o.purged()).toList();
            for (EvidenceObject object : included) {
                audit.record("evidence.exported", "evidence", object.id().toString(),
                        "package " + packageId + (recipient == null ? "" : ", for " + recipient));
            }
            List<PackageContents.PackagedObject> contents = new ArrayList<>();
            for (EvidenceObject object : included) {
                contents.add(packaged(object));
            }
            PackageContents package_ = new PackageContents(packageId, caseId, now, createdBy, recipient, contents);
            Sealed sealed = seal(package_, locale);
            EvidencePackage made = new EvidencePackage(packageId, caseId, sealed.blob().id(), sealed.manifestSha256(),
                    sealed.blob().size(), included.size(), now, createdBy, recipient, null);
            packages.insert(made, now.plus(settings.retention().evidencePackage()));
            audit.record("evidence_package.created", "evidence_package", packageId.toString(),
                    "case " + caseId + ", " + included.size() + " objects, manifest sha256 " + sealed.manifestSha256()
                            + (recipient == null ? "" : ", available to " + recipient));
            return made;
        });
    }

    private record Sealed(SealedBlobs.StoredBlob blob, String manifestSha256) {
    }

    /** Writer and vault run on two threads joined by a pipe: the ZIP is never whole in memory or on disk. */
    private Sealed seal(PackageContents contents, Locale locale) {
        PackageWriter writer = new PackageWriter(new SummaryRenderer(messages, locale));
        try (PipedInputStream in = new PipedInputStream(1024 * 1024); PipedOutputStream out = new PipedOutputStream(in)) {
            CompletableFuture<String> written = CompletableFuture.supplyAsync(() -> {
                try (out) {
                    return writer.write(contents, out);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, runnable -> Thread.ofVirtual().start(runnable));
            SealedBlobs.StoredBlob blob = blobs.store(in);
            return new Sealed(blob, written.get());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the package could not be made", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the package could not be made: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private PackageContents.PackagedObject packaged(EvidenceObject o) {
        Map<String, Object> capture = new LinkedHashMap<>();
        capture.put("evidenceClass", o.evidenceClass());
        capture.put("sourceUrl", o.sourceUrl());
        capture.put("finalUrl", o.finalUrl());
        capture.put("httpStatus", o.httpStatus());
        capture.put("resolvedIp", o.resolvedIp());
        capture.put("tlsCertificateSha256", o.tlsSha256());
        capture.put("responseHeaders", o.responseHeaders() == null ? null : JSON.readTree(o.responseHeaders()));
        capture.put("redirectChain", o.redirectChain() == null ? null : JSON.readTree(o.redirectChain()));
        capture.put("addedBy", o.addedBy());
        List<PackageContents.CustodyLine> custody = new ArrayList<>();
        for (AuditEntry entry : audit.entriesFor("evidence", o.id().toString())) {
            custody.add(new PackageContents.CustodyLine(entry.occurredAt(), entry.actor(), entry.action(), entry.detail()));
        }
        return new PackageContents.PackagedObject(o.id(), o.kind(), o.filename(), o.contentType(), o.size(), o.sha256(),
                o.capturedAt(), capture, custody, () -> open(o.blobId()));
    }

    private InputStream open(UUID blobId) throws IOException {
        return blobs.open(blobId);
    }
}
