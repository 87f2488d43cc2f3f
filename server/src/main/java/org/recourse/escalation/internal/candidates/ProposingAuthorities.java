package org.recourse.escalation.internal.candidates;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.recourse.directory.Organisation;
import org.recourse.escalation.ProposedAuthority;
import org.recourse.routing.ActionRoute;
import org.recourse.routing.LegalStatus;
import org.recourse.routing.LocalizedText;
import org.recourse.routing.Relationship;
import org.recourse.routing.Routing;
import org.recourse.routing.RoutingAdvice;
import org.recourse.routing.RoutingFacts;
import org.recourse.routing.VictimAge;
import org.springframework.stereotype.Component;

/**
 * Where a candidate can go: the published routing rules' action routes for the item and its
 * platform, keeping the steps beyond a notice (regulators, police, the civil route). Routing is
 * the one rule engine; this only asks it.
 */
@Component
class ProposingAuthorities {

    static final Set<String> ESCALATION_KINDS = Set.of("regulator", "police", "civil");

    private final Routing routing;

    ProposingAuthorities(Routing routing) {
        this.routing = routing;
    }

    record Question(LegalStatus legalStatus, Set<String> forms, boolean childSexualAbuse, Organisation platform) {
    }

    /** One answer per question, in order, with a single routing pass. */
    List<List<ProposedAuthority>> propose(List<Question> questions) {
        List<RoutingFacts> facts = questions.stream().map(q -> new RoutingFacts(q.legalStatus(), q.forms(), q.platform(),
                q.childSexualAbuse() ? VictimAge.MINOR : VictimAge.ADULT, Relationship.UNKNOWN, null, false)).toList();
        List<RoutingAdvice> advice = facts.isEmpty() ? List.of() : routing.routeAll(facts);
        List<List<ProposedAuthority>> answers = new ArrayList<>();
        for (RoutingAdvice one : advice) {
            answers.add(one.actions().stream().filter(route -> ESCALATION_KINDS.contains(route.kind()))
                    .map(ProposingAuthorities::proposed).toList());
        }
        return answers;
    }

    private static ProposedAuthority proposed(ActionRoute route) {
        Organisation to = route.organisation();
        return new ProposedAuthority(to == null ? null : to.key(), to == null ? null : to.name(), route.kind(),
                forwardTo(route), route.reason(), route.ruleId());
    }

    private static LocalizedText forwardTo(ActionRoute route) {
        if (route.forwardTo() == null) {
            return null;
        }
        Organisation body = route.forwardTo().organisation();
        return body == null ? route.forwardTo().name() : new LocalizedText(body.name(), body.name());
    }
}
