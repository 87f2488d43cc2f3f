package org.recourse.directory.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.recourse.accounts.StaffMember;
import org.recourse.accounts.StaffMembers;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coordinators add and change directory entries; each save is a new version, audited. */
@Service
class EditingOrganisations {

    private final OrganisationRepository organisations;
    private final AuditTrail audit;
    private final StaffMembers staff;
    private final Clock clock;

    EditingOrganisations(OrganisationRepository organisations, AuditTrail audit, StaffMembers staff, Clock clock) {
        this.organisations = organisations;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional
    UUID create(OrganisationDetails details) {
        UUID id = UUID.randomUUID();
        organisations.insert(id, details, now(), actor());
        audit.record("organisation.created", "organisation", id.toString(), "key=" + details.key());
        return id;
    }

    /** False when someone else saved a newer version in the meantime; nothing is changed then. */
    @Transactional
    boolean update(UUID id, int expectedVersion, OrganisationDetails details) {
        boolean saved = organisations.update(id, expectedVersion, details, now(), actor());
        if (saved) {
            audit.record("organisation.changed", "organisation", id.toString(), "version=" + (expectedVersion + 1));
        }
        return saved;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private String actor() {
        return staff.current().map(StaffMember::username)
                .orElseGet(() -> AuditActor.current() != null ? AuditActor.current() : "system");
    }
}
