package org.recourse.routing.internal;

import org.recourse.directory.Directory;
import org.recourse.routing.Routing;
import org.recourse.routing.RoutingAdvice;
import org.recourse.routing.RoutingFacts;
import org.springframework.stereotype.Service;

/** Routes with the latest published rule set; the advice names the version it came from. */
@Service
class RoutingService implements Routing {

    private final RuleSets ruleSets;
    private final Directory directory;

    RoutingService(RuleSets ruleSets, Directory directory) {
        this.ruleSets = ruleSets;
        this.directory = directory;
    }

    @Override
    public RoutingAdvice route(RoutingFacts facts) {
        PublishedRuleSet active = ruleSets.active();
        return active.rules().evaluate(active.version(), facts, directory::findByKey);
    }

    RoutingAdvice route(RoutingFacts facts, int version) {
        PublishedRuleSet rules = ruleSets.version(version).orElseThrow();
        return rules.rules().evaluate(rules.version(), facts, directory::findByKey);
    }
}
