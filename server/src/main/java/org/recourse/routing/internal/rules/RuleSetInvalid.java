package org.recourse.routing.internal.rules;

import java.util.List;

/** A rule document that cannot be used, with every problem found, each naming where it is. */
public class RuleSetInvalid extends RuntimeException {

    private final List<String> problems;

    public RuleSetInvalid(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
