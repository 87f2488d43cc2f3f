package org.recourse.escalation.internal.requests;

import java.util.List;
import java.util.UUID;

import org.recourse.escalation.RequestState;
import org.recourse.platform.StatusUpdates;
import org.springframework.stereotype.Component;

/**
 * The reporter's status page learns what became of an escalation: filed with a regulator or the
 * police, taken up, decided, rejected or unanswered — in plain words, without the authority's or
 * our references.
 */
@Component
class EscalationStatusUpdates implements StatusUpdates {

    private final CaseRequests requests;

    EscalationStatusUpdates(CaseRequests requests) {
        this.requests = requests;
    }

    @Override
    public List<Update> forCase(UUID caseId) {
        return requests.stepsForCase(caseId).stream()
                .filter(step -> "state".equals(step.kind()) && shown(step.state()))
                .map(step -> new Update(step.at(), "escalation.status-update." + step.state().code()))
                .toList();
    }

    static boolean shown(RequestState state) {
        return state == RequestState.FILED || state.fromAuthority() || state == RequestState.NO_RESPONSE;
    }
}
