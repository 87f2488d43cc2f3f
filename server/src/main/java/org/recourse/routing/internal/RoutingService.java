package org.recourse.routing.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
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
        return routeAll(List.of(facts)).getFirst();
    }

    @Override
    public List<RoutingAdvice> routeAll(List<RoutingFacts> facts) {
        return route(facts, ruleSets.active());
    }

    RoutingAdvice route(RoutingFacts facts, int version) {
        return route(List.of(facts), ruleSets.version(version).orElseThrow()).getFirst();
    }

    private List<RoutingAdvice> route(List<RoutingFacts> facts, PublishedRuleSet rules) {
        // Several rules name the same body (the police act and are referred to): look each up once.
        Map<String, Optional<Organisation>> looked = new HashMap<>();
        return facts.stream().map(f -> rules.rules().evaluate(rules.version(), f,
                key -> looked.computeIfAbsent(key, directory::findByKey))).toList();
    }
}
