package org.recourse.evidence.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.recourse.accounts.StaffMember;
import org.recourse.accounts.StaffMembers;
import org.recourse.accounts.StaffRole;
import org.recourse.evidence.internal.EvidenceObject;
import org.recourse.evidence.internal.EvidenceObjects;
import org.recourse.evidence.internal.EvidenceSeals;
import org.recourse.evidence.internal.capture.CaptureRequests;
import org.recourse.evidence.internal.packaging.EvidencePackages;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseSection;
import org.recourse.platform.LiaisonOrganisations;
import org.springframework.stereotype.Component;

/**
 * The evidence vault's part of the case page: pictures as blurred, grey thumbnails (each served
 * through the audited content route; none at all once the case is sealed), every object with its
 * hash, captures with why one failed, packages, and the forms to capture, upload and package; in
 * the timeline, every object stored, capture failed and package made.
 */
@Component
class EvidenceSection implements CaseSection {

    static final String ANCHOR = "evidence";

    /** What the fragment shows; the flash values come from this module's own forms. */
    record Vault(CaseRef ref, boolean sealed, List<EvidenceObject> objects, List<CaptureRequests.CaptureRequest> captures,
                 List<EvidencePackages.EvidencePackage> packages, List<LiaisonOrganisations.Choice> organisations, boolean captureRequested,
                 boolean urlError, String url) {

        /** An organisation's name for its directory key (the key itself when it is not in the directory). */
        public String organisationName(String key) {
            return organisations.stream().filter(o -> o.key().equals(key)).map(LiaisonOrganisations.Choice::name).findFirst().orElse(key);
        }

        /** Pictures whose blurred thumbnail may be shown. */
        public List<EvidenceObject> thumbnails() {
            return sealed ? List.of() : objects.stream().filter(EvidenceObject::image).toList();
        }
    }

    private final EvidenceObjects objects;
    private final CaptureRequests captures;
    private final EvidencePackages packages;
    private final EvidenceSeals seals;
    private final StaffMembers staff;
    private final LiaisonOrganisations organisations;

    EvidenceSection(EvidenceObjects objects, CaptureRequests captures, EvidencePackages packages, EvidenceSeals seals,
                    StaffMembers staff, LiaisonOrganisations organisations) {
        this.organisations = organisations;
        this.objects = objects;
        this.captures = captures;
        this.packages = packages;
        this.seals = seals;
        this.staff = staff;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Content content(CaseRef ref, Map<String, ?> flash) {
        return new Content(ANCHOR, "evidence.case.section", "evidence/case-section", "evidence",
                new Vault(ref, seals.isSealed(ref.id()), objects.forCase(ref.id()), captures.forCase(ref.id()),
                        packages.forCase(ref.id()),
                        staff.withRole(StaffRole.LIAISON).stream().map(StaffMember::organisation)
                                .filter(o -> o != null && !o.isBlank()).distinct()
                                .map(key -> new LiaisonOrganisations.Choice(key, organisations.nameOf(key).orElse(key)))
                                .sorted(java.util.Comparator.comparing(LiaisonOrganisations.Choice::name)).toList(),
                        Boolean.TRUE.equals(flash.get("captureRequested")), Boolean.TRUE.equals(flash.get("urlError")),
                        (String) flash.get("url")));
    }

    @Override
    public List<Event> timeline(CaseRef ref) {
        List<Event> events = new ArrayList<>();
        for (EvidenceObject o : objects.forCase(ref.id())) {
            events.add(new Event(o.capturedAt(), "evidence.timeline.stored." + o.kind(), o.sourceUrl() != null ? o.sourceUrl() : o.filename(),
                    "/staff/evidence/objects/" + o.id()));
        }
        for (CaptureRequests.CaptureRequest c : captures.forCase(ref.id())) {
            if (c.failed() && c.finishedAt() != null) {
                events.add(new Event(c.finishedAt(), "evidence.timeline.capture-failed", c.url(), ref.href(ANCHOR)));
            }
        }
        for (EvidencePackages.EvidencePackage p : packages.forCase(ref.id())) {
            events.add(new Event(p.createdAt(), "evidence.timeline.package", p.recipientOrganisation(), ref.href(ANCHOR)));
        }
        return events;
    }
}
