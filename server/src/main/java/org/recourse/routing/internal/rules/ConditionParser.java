package org.recourse.routing.internal.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.recourse.directory.OrganisationKind;
import org.recourse.routing.FormsOfViolence;
import org.recourse.routing.LegalStatus;
import org.recourse.routing.Relationship;
import org.recourse.routing.RoutingFacts;
import org.recourse.routing.VictimAge;

/**
 * Turns the {@code when:} maps of the rule document into {@link Condition}s. Several keys in one
 * map must all hold; {@code any}, {@code all} and {@code not} combine; {@code condition} names a
 * condition defined under {@code conditions:}.
 */
final class ConditionParser {

    static final List<String> KEYS = List.of("condition", "all", "any", "not", "forms-any", "age", "legal-status",
            "relationship", "within-days", "threat-to-life", "platform-known", "platform-kind", "platform-vlop", "platform-video",
            "trusted-flagger", "establishment");

    private final Map<String, Condition> named;
    private final List<String> problems;

    ConditionParser(Map<String, Condition> named, List<String> problems) {
        this.named = named;
        this.problems = problems;
    }

    Condition parse(Object node, String path) {
        if (!(node instanceof Map<?, ?> map) || map.isEmpty()) {
            problems.add(path + ": expected a map of conditions, e.g. {forms-any: [sextortion]}");
            return Condition.ALWAYS;
        }
        List<Condition> parts = new ArrayList<>();
        map.forEach((key, value) -> parts.add(parseOne(String.valueOf(key), value, path + "." + key)));
        return parts.size() == 1 ? parts.getFirst() : Condition.allOf(parts);
    }

    private Condition parseOne(String key, Object value, String path) {
        return switch (key) {
            case "condition" -> {
                Condition condition = named.get(String.valueOf(value));
                if (condition == null) {
                    problems.add(path + ": no condition named '" + value + "' is defined above");
                    yield Condition.ALWAYS;
                }
                yield condition;
            }
            case "all" -> Condition.allOf(list(value, path).stream().map(item -> parse(item, path + "[]")).toList());
            case "any" -> Condition.anyOf(list(value, path).stream().map(item -> parse(item, path + "[]")).toList());
            case "not" -> {
                Condition inner = parse(value, path);
                yield situation -> !inner.holds(situation);
            }
            case "forms-any" -> {
                Set<String> forms = codes(value, path, FormsOfViolence.CODES, Function.identity());
                yield situation -> situation.facts().forms().stream().anyMatch(forms::contains);
            }
            case "age" -> {
                Set<VictimAge> ages = codes(value, path, codesOf(VictimAge.values(), VictimAge::code), VictimAge::ofCode);
                yield situation -> ages.contains(situation.facts().age());
            }
            case "legal-status" -> {
                Set<LegalStatus> statuses = codes(value, path, codesOf(LegalStatus.values(), LegalStatus::code),
                        LegalStatus::ofCode);
                yield situation -> statuses.contains(situation.facts().legalStatus());
            }
            case "relationship" -> {
                Set<Relationship> relationships = codes(value, path,
                        codesOf(Relationship.values(), Relationship::code), Relationship::ofCode);
                yield situation -> relationships.contains(situation.facts().relationship());
            }
            case "within-days" -> {
                if (!(value instanceof Integer days) || days < 0) {
                    problems.add(path + ": expected a whole number of days, e.g. 7");
                    yield Condition.ALWAYS;
                }
                yield situation -> situation.facts().daysAgo() != null && situation.facts().daysAgo() <= days;
            }
            case "threat-to-life" -> flag(value, path, RoutingFacts::threatToLife);
            case "platform-known" -> flag(value, path, facts -> facts.platform() != null);
            case "platform-vlop" -> flag(value, path, facts -> facts.platform() != null && facts.platform().vlop());
            case "platform-video" -> flag(value, path,
                    facts -> facts.platform() != null && facts.platform().videoPlatform());
            case "trusted-flagger" -> flag(value, path,
                    facts -> facts.platform() != null && facts.platform().trustedFlagger());
            case "platform-kind" -> {
                Set<OrganisationKind> kinds = codes(value, path,
                        codesOf(OrganisationKind.values(), OrganisationKind::code), OrganisationKind::ofCode);
                yield situation -> situation.facts().platform() != null
                        && kinds.contains(situation.facts().platform().kind());
            }
            case "establishment" -> {
                Set<Situation.Establishment> places = codes(value, path,
                        codesOf(Situation.Establishment.values(), Situation.Establishment::code),
                        Situation.Establishment::ofCode);
                yield situation -> places.contains(situation.establishment());
            }
            default -> {
                problems.add(path + ": unknown condition '" + key + "' (known: " + String.join(", ", KEYS) + ")");
                yield Condition.ALWAYS;
            }
        };
    }

    private Condition flag(Object value, String path, java.util.function.Predicate<RoutingFacts> test) {
        if (!(value instanceof Boolean expected)) {
            problems.add(path + ": expected true or false");
            return Condition.ALWAYS;
        }
        return situation -> test.test(situation.facts()) == expected;
    }

    private List<?> list(Object value, String path) {
        if (value instanceof List<?> items && !items.isEmpty()) {
            return items;
        }
        problems.add(path + ": expected a non-empty list");
        return List.of();
    }

    private <T> Set<T> codes(Object value, String path, Collection<String> known, Function<String, T> convert) {
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        Set<T> result = new java.util.HashSet<>();
        for (Object item : items) {
            String code = String.valueOf(item).trim().toLowerCase(Locale.ROOT);
            if (known.contains(code)) {
                result.add(convert.apply(code));
            } else {
                problems.add(path + ": unknown value '" + item + "' (known: " + String.join(", ", known) + ")");
            }
        }
        return result;
    }

    private static <E> List<String> codesOf(E[] values, Function<E, String> code) {
        return java.util.Arrays.stream(values).map(code).collect(Collectors.toList());
    }
}
