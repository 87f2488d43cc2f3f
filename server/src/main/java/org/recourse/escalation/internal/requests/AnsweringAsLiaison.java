package org.recourse.escalation.internal.requests;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.recourse.accounts.StaffMember;
import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.escalation.RequestState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The liaison portal's use cases: a police or regulator contact sees only the enforcement requests
 * filed with their own organisation (named by its directory key or its name on their account),
 * opens one (audited), and answers it — received, under investigation, decided or rejected — in
 * the portal instead of by e-mail. A request of another organisation is as absent as an unknown one.
 */
@Service
public class AnsweringAsLiaison {

    /** What a liaison may see: filed requests and everything after. */
    private static final Set<RequestState> VISIBLE = EnumSet.of(RequestState.FILED, RequestState.ACKNOWLEDGED,
            RequestState.UNDER_INVESTIGATION, RequestState.DECIDED, RequestState.REJECTED, RequestState.NO_RESPONSE);

    private final TrackingRequests tracking;
    private final ShowingRequests showing;
    private final Directory directory;
    private final AuditTrail audit;

    AnsweringAsLiaison(TrackingRequests tracking, ShowingRequests showing, Directory directory, AuditTrail audit) {
        this.tracking = tracking;
        this.showing = showing;
        this.directory = directory;
        this.audit = audit;
    }

    /** The directory organisation of the liaison's account (a directory key), if it names one. */
    public Optional<Organisation> organisationOf(StaffMember liaison) {
        String key = liaison.organisation();
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return directory.findByKey(key.strip());
    }

    public List<TrackingRequests.Listed> addressedTo(Organisation organisation) {
        return tracking.all().stream().filter(r -> r.authorityKey().equals(organisation.key()) && VISIBLE.contains(r.state())).toList();
    }

    /** The request, when it was filed with this organisation; the view is audited. */
    @Transactional
    public Optional<ShowingRequests.Details> open(String reference, Organisation organisation) {
        if (!addressedTo(organisation, reference)) {
            return Optional.empty();
        }
        Optional<ShowingRequests.Details> details = showing.show(reference);
        details.ifPresent(d -> audit.record("escalation.request-viewed-by-liaison", "escalation_request", d.request().id().toString(),
                d.request().reference() + " by " + organisation.key()));
        return details;
    }

    /**
     * What the authority says, recorded by its own contact.
     *
     * @return false when the request is not one filed with this organisation
     * @throws RequestRefused when the answer does not fit the request's state
     */
    public boolean answer(String reference, Organisation organisation, RequestState state, String authorityReference, String note) {
        if (!addressedTo(organisation, reference)) {
            return false;
        }
        tracking.fromAuthority(tracking.findByReference(reference).orElseThrow().id(), state, authorityReference,
                note == null ? "via the liaison portal" : note + " (via the liaison portal)");
        return true;
    }

    public boolean addressedTo(Organisation organisation, String reference) {
        return tracking.findByReference(reference)
                .filter(r -> r.authorityKey().equals(organisation.key()) && VISIBLE.contains(r.state())).isPresent();
    }
}
