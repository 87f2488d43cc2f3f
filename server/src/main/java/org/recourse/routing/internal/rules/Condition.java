package org.recourse.routing.internal.rules;

import java.util.List;

/** A test on the situation, built from the {@code when:} part of a rule. */
@FunctionalInterface
interface Condition {

    Condition ALWAYS = situation -> true;

    boolean holds(Situation situation);

    static Condition allOf(List<Condition> parts) {
        return situation -> parts.stream().allMatch(part -> part.holds(situation));
    }

    static Condition anyOf(List<Condition> parts) {
        return situation -> parts.stream().anyMatch(part -> part.holds(situation));
    }
}
