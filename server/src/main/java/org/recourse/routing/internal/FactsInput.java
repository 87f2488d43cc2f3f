package org.recourse.routing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.routing.FormsOfViolence;
import org.recourse.routing.LegalStatus;
import org.recourse.routing.Relationship;
import org.recourse.routing.RoutingFacts;
import org.recourse.routing.VictimAge;

/**
 * Facts typed by a person — on the command line or the try-out form — checked and turned into
 * {@link RoutingFacts}. Each problem names the input it is about.
 */
final class FactsInput {

    /**
     * A problem with one input, e.g. {@code platform}, and what is wrong with it as a message key
     * ({@code routing.problem.*}) with its arguments: the try-out page says it in the reader's
     * language, the command line in English.
     */
    record Problem(String input, String key, List<Object> args) {

        Problem(String input, String key, Object... args) {
            this(input, key, List.of(args));
        }

        /** Message key of the input's name. */
        public String inputKey() {
            return "routing.problem.input." + input;
        }

        public Object[] arguments() {
            return args.toArray();
        }
    }

    /** Either facts or the problems that stopped them. */
    record Result(RoutingFacts facts, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private FactsInput() {
    }

    static Result parse(Directory directory, String platform, String age, List<String> forms, String relationship,
                        String daysAgo, String status, boolean threatToLife) {
        List<Problem> problems = new ArrayList<>();
        Organisation organisation = null;
        if (!blank(platform)) {
            organisation = directory.findByName(platform).or(() -> directory.findByDomain(platform)).orElse(null);
            if (organisation == null) {
                problems.add(new Problem("platform", "routing.problem.unknown-platform", platform.trim()));
            }
        }
        VictimAge victimAge = null;
        if (blank(age)) {
            problems.add(new Problem("age", "routing.problem.age-required"));
        } else {
            victimAge = code(age, "age", VictimAge::ofCode, codes(VictimAge.values(), VictimAge::code), problems);
        }
        Set<String> formSet = new LinkedHashSet<>();
        for (String form : forms) {
            String code = form.trim().toLowerCase(java.util.Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (FormsOfViolence.isKnown(code)) {
                formSet.add(code);
            } else {
                problems.add(new Problem("form", "routing.problem.unknown-form", form.trim(), String.join(", ", FormsOfViolence.CODES)));
            }
        }
        if (formSet.isEmpty() && problems.stream().noneMatch(p -> p.input().equals("form"))) {
            problems.add(new Problem("form", "routing.problem.form-required"));
        }
        Relationship rel = blank(relationship) ? null : code(relationship, "relationship", Relationship::ofCode,
                codes(Relationship.values(), Relationship::code), problems);
        LegalStatus legalStatus = blank(status) ? LegalStatus.UNKNOWN : code(status, "status", LegalStatus::ofCode,
                codes(LegalStatus.values(), LegalStatus::code), problems);
        Integer days = null;
        if (!blank(daysAgo)) {
            try {
                days = Integer.valueOf(daysAgo.trim());
                if (days < 0 || days > 36_500) {
                    problems.add(new Problem("days-ago", "routing.problem.days-range"));
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("days-ago", "routing.problem.days-number", daysAgo.trim()));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new RoutingFacts(legalStatus, formSet, organisation, victimAge, rel, days, threatToLife),
                List.of());
    }

    private static <T> T code(String value, String input, Function<String, T> convert, List<String> known,
                              List<Problem> problems) {
        String code = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!known.contains(code)) {
            problems.add(new Problem(input, "routing.problem.not-one-of", value.trim(), String.join(", ", known)));
            return null;
        }
        return convert.apply(code);
    }

    private static <E> List<String> codes(E[] values, Function<E, String> code) {
        return Arrays.stream(values).map(code).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
