package org.recourse.evidence.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.recourse.evidence.internal.EvidenceSeals;
import org.recourse.evidence.internal.packaging.EvidencePackages;
import org.recourse.evidence.internal.packaging.EvidencePackages.EvidencePackage;
import org.recourse.evidence.internal.packaging.CaseSealed;
import org.recourse.evidence.internal.packaging.ExportingPackages;
import org.recourse.evidence.internal.packaging.HandingOverPackages;
import org.recourse.evidence.internal.packaging.PackageVerifier;
import org.recourse.platform.CaseRefs;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
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
    private final HandingOverPackages handing;
    private final ActingUser user;
    private final EvidenceSeals seals;
    private final CaseRefs refs;
    private final org.recourse.platform.LiaisonOrganisations organisations;

    PackagePages(ExportingPackages exporting, EvidencePackages packages, HandingOverPackages handing, ActingUser user,
                 EvidenceSeals seals, CaseRefs refs, org.recourse.platform.LiaisonOrganisations organisations) {
        this.organisations = organisations;
        this.seals = seals;
        this.refs = refs;
        this.exporting = exporting;
        this.packages = packages;
        this.handing = handing;
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
        handing.downloadedByStaff(found);
        return zip(found);
    }

    @GetMapping("/liaison/evidence")
    String liaison(Model model) {
        String organisation = user.organisation();
        model.addAttribute("organisation", organisation);
        model.addAttribute("organisationName", organisations.nameOf(organisation).orElse(organisation));
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
        handing.handedOver(found, organisation);
        return zip(found);
    }

    @GetMapping("/staff/evidence/verify")
    String verifyPage() {
        return "evidence/verify";
    }

    /** The package is the request body (sent by the page's script), checked while it streams in. */
    @PutMapping("/staff/evidence/verify")
    String verify(HttpServletRequest request, Model model) throws IOException {
        org.recourse.platform.ManifestCheck.Report report;
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

    private ResponseEntity<StreamingResponseBody> zip(EvidencePackage found) {
        StreamingResponseBody body = out -> {
            try (InputStream in = handing.open(found)) {
                in.transferTo(out);
            }
        };
        HttpHeaders headers = EvidencePages.Served.headers(false, "application/zip", "evidence-" + found.id() + ".zip", found.size());
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }
}
