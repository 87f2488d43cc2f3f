package org.recourse.routing.internal.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.recourse.directory.Organisation;
import org.recourse.routing.ActionRoute;
import org.recourse.routing.Forwarding;
import org.recourse.routing.LocalizedText;
import org.recourse.routing.Referral;
import org.recourse.routing.RoutingAdvice;
import org.recourse.routing.RoutingFacts;

/**
 * A parsed rule set and its evaluation. Evaluation is plain logic over the facts and a directory
 * lookup: every rule whose condition holds contributes an entry, entries are ordered by the rule's
 * {@code order}, and a second rule naming the same organisation in the same section is dropped,
 * so a more specific rule placed earlier wins over a general one.
 */
public final class RuleSet {

    private final List<Rule> rules;
    private final Map<String, Authority> authorities;

    RuleSet(List<Rule> rules, Map<String, Authority> authorities) {
        this.rules = List.copyOf(rules);
        this.authorities = Map.copyOf(authorities);
    }

    /** The rules in document order, for reading. */
    public List<RuleView> describe() {
        return rules.stream().map(rule -> new RuleView(rule.id(), rule.section().name().toLowerCase(java.util.Locale.ROOT),
                rule.kind(), rule.order(), rule.target(), rule.forwardTo(), rule.reason().nl(), rule.reason().en())).toList();
    }

    /** Every directory key the rules name, to check against the directory before publishing. */
    public Set<String> referencedKeys() {
        Set<String> keys = new TreeSet<>();
        rules.stream().map(Rule::target).filter(t -> !Rule.PLATFORM.equals(t) && !Rule.NONE.equals(t)).forEach(keys::add);
        authorities.values().forEach(authority -> keys.addAll(authority.keyByCountry().values()));
        return keys;
    }

    public RoutingAdvice evaluate(int version, RoutingFacts facts, Function<String, Optional<Organisation>> directory) {
        Situation situation = Situation.of(facts);
        List<Rule> applicable = new ArrayList<>();
        for (Rule rule : rules) {
            boolean targetKnown = !Rule.PLATFORM.equals(rule.target()) || facts.platform() != null;
            if (targetKnown && rule.when().holds(situation)) {
                applicable.add(rule);
            }
        }
        // List.sort is stable: rules with the same order keep their document order.
        applicable.sort(Comparator.comparingInt(Rule::order));

        List<ActionRoute> actions = new ArrayList<>();
        List<Referral> referrals = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (Rule rule : applicable) {
            Organisation organisation = organisationFor(rule.target(), facts, directory);
            String identity = rule.section() + ":" + (organisation == null ? "rule:" + rule.id() : organisation.key());
            if (!named.add(identity)) {
                continue;
            }
            boolean urgent = rule.urgentWhen().holds(situation);
            if (rule.section() == Rule.Section.ACTION) {
                Forwarding forwardTo = rule.forwardTo() == null ? null : forwarding(rule.forwardTo(), situation, directory);
                LocalizedText reason = ReasonTemplate.render(rule.reason(), situation,
                        forwardTo == null ? null : forwardTo.name());
                actions.add(new ActionRoute(rule.id(), rule.kind(), organisation, forwardTo, reason, urgent));
            } else {
                referrals.add(new Referral(rule.id(), organisation, ReasonTemplate.render(rule.reason(), situation, null), urgent));
            }
        }
        return new RoutingAdvice(version, actions, referrals);
    }

    private Forwarding forwarding(String authorityName, Situation situation,
                                  Function<String, Optional<Organisation>> directory) {
        Authority authority = authorities.get(authorityName);
        String country = situation.supervisionCountry();
        Organisation organisation = country == null ? null
                : Optional.ofNullable(authority.keyByCountry().get(country)).flatMap(directory).orElse(null);
        LocalizedText name = organisation != null ? new LocalizedText(organisation.name(), organisation.name())
                : ReasonTemplate.render(authority.fallbackName(), situation, null);
        return new Forwarding(organisation, name);
    }

    private static Organisation organisationFor(String target, RoutingFacts facts,
                                                Function<String, Optional<Organisation>> directory) {
        return switch (target) {
            case Rule.PLATFORM -> facts.platform();
            case Rule.NONE -> null;
            default -> directory.apply(target).orElse(null);
        };
    }
}
