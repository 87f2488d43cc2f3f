package org.recourse.evidence.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.internal.EvidenceObject;
import org.recourse.evidence.internal.EvidenceObjects;
import org.recourse.evidence.internal.EvidenceSeals;
import org.recourse.evidence.internal.packaging.EvidencePackages;
import org.recourse.evidence.internal.packaging.EvidencePackages.EvidencePackage;
import org.recourse.evidence.internal.packaging.CaseSealed;
import org.recourse.evidence.internal.packaging.ExportingPackages;
import org.recourse.evidence.internal.packaging.PackageVerifier;
import org.recourse.evidence.internal.vault.SealedBlobs;
import org.recourse.platform.CaseRefs;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Evidence packages: made by analysts, downloaded by them or, when made available to a police
 * unit or regulator, by that organisation's liaison directly; each download is recorded on
 * every object in the package. Anyone on staff can check a package against its manifest.
 */
@Controller
class PackagePages {

    private final ExportingPackages exporting;
    private final EvidencePackages packages;
    private final EvidenceObjects objects;
    private final SealedBlobs blobs;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ActingUser user;
    private final EvidenceSeals seals;
    private final CaseRefs refs;

    PackagePages(ExportingPackages exporting, EvidencePackages packages, EvidenceObjects objects, SealedBlobs blobs,
                 AuditTrail audit, TransactionTemplate transaction, ActingUser user, EvidenceSeals seals, CaseRefs refs) {
        this.seals = seals;
        this.refs = refs;
        this.exporting = exporting;
        this.packages = packages;
        this.objects = objects;
        this.blobs = blobs;
        this.audit = audit;
        this.transaction = transaction;
        this.user = user;
    }

    @PostMapping("/staff/evidence/cases/{caseId}/packages")
    String export(@PathVariable UUID caseId, @RequestParam(defaultValue = "") String recipient, Locale locale) {
        try {
            exporting.export(caseId, recipient, user.username(), locale);
        } catch (CaseSealed sealed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the case's evidence is sealed");
        }
        return "redirect:" + refs.byId(caseId).map(ref -> ref.href("packages")).orElse("/staff/evidence");
    }

    @GetMapping("/staff/evidence/packages/{id}/download")
    ResponseEntity<StreamingResponseBody> staffDownload(@PathVariable UUID id) {
        EvidencePackage found = available(id);
        if (seals.isSealed(found.caseId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the case's evidence is sealed");
        }
        recordOnObjects(found, "evidence.package_downloaded", "package " + id + " downloaded by staff");
        return zip(found);
    }

    @GetMapping("/liaison/evidence")
    String liaison(Model model) {
        String organisation = user.organisation();
        model.addAttribute("organisation", organisation);
        java.util.List<EvidencePackage> available = organisation == null ? java.util.List.of() : packages.availableTo(organisation);
        model.addAttribute("packages", available);
        model.addAttribute("cases", refs.byIds(available.stream().map(EvidencePackage::caseId).distinct().toList()));
        return "evidence/liaison";
    }

    /** The hand-over: a liaison of the named organisation takes the package, recorded on every object in it. */
    @GetMapping("/liaison/evidence/packages/{id}/download")
    ResponseEntity<StreamingResponseBody> handOver(@PathVariable UUID id) {
        String organisation = user.organisation();
        EvidencePackage found = available(id);
        if (organisation == null || !Objects.equals(found.recipientOrganisation(), organisation)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        recordOnObjects(found, "evidence.handed_over", "package " + id + " handed over to " + organisation);
        transaction.executeWithoutResult(s -> audit.record("evidence_package.handed_over", "evidence_package", id.toString(),
                "to " + organisation));
        return zip(found);
    }

    @GetMapping("/staff/evidence/verify")
    String verifyPage() {
        return "evidence/verify";
    }

    /** The package is the request body (sent by the page's script), checked while it streams in. */
    @PutMapping("/staff/evidence/verify")
    String verify(HttpServletRequest request, Model model) throws IOException {
        PackageVerifier.Report report;
        try (InputStream body = request.getInputStream()) {
            report = new PackageVerifier().verify(body);
        }
        model.addAttribute("report", report);
        model.addAttribute("issued", report.manifestSha256() == null ? null
                : packages.findByManifest(report.manifestSha256()).orElse(null));
        return "evidence/verify :: result";
    }

    private EvidencePackage available(UUID id) {
        EvidencePackage found = packages.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (found.purgedAt() != null || found.blobId() == null) {
            throw new ResponseStatusException(HttpStatus.GONE, "deleted at the end of its retention period");
        }
        return found;
    }

    private void recordOnObjects(EvidencePackage found, String action, String detail) {
        transaction.executeWithoutResult(s -> {
            for (EvidenceObject object : objects.forCase(found.caseId())) {
                boolean inPackage = audit.entriesFor("evidence", object.id().toString()).stream()
                        .anyMatch(e -> e.action().equals("evidence.exported") && e.detail() != null
                                && e.detail().startsWith("package " + found.id()));
                if (inPackage) {
                    audit.record(action, "evidence", object.id().toString(), detail);
                }
            }
        });
    }

    private ResponseEntity<StreamingResponseBody> zip(EvidencePackage found) {
        StreamingResponseBody body = out -> {
            try (InputStream in = blobs.open(found.blobId())) {
                in.transferTo(out);
            }
        };
        HttpHeaders headers = EvidencePages.Served.headers(false, "application/zip", "evidence-" + found.id() + ".zip", found.size());
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }
}
