package org.recourse.escalation.internal.web;

import java.util.List;
import java.util.Map;

import org.recourse.escalation.internal.requests.CaseRequests;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseSection;
import org.springframework.stereotype.Component;

/** Escalation's part of the case page: the enforcement requests about its items and, in the timeline, each of their steps. */
@Component
class EscalationSection implements CaseSection {

    static final String ANCHOR = "escalation";

    private final CaseRequests requests;

    EscalationSection(CaseRequests requests) {
        this.requests = requests;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Content content(CaseRef ref, Map<String, ?> flash) {
        return new Content(ANCHOR, "escalation.case.section", "escalation/case-section", "escalation", requests.forCase(ref.id()));
    }

    @Override
    public List<Event> timeline(CaseRef ref) {
        return requests.stepsForCase(ref.id()).stream()
                .map(step -> new Event(step.at(), "reminder".equals(step.kind()) ? "escalation.timeline.reminder"
                        : "escalation.timeline.state." + step.state().code(),
                        step.reference() + " · " + step.authorityName(), ref.href(ANCHOR)))
                .toList();
    }
}
