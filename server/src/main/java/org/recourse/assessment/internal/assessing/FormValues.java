package org.recourse.assessment.internal.assessing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.recourse.routing.LegalStatus;
import org.springframework.util.MultiValueMap;

/**
 * The assessment form as posted, kept as typed so the page can show it again next to the errors.
 * Question fields are named {@code q-<question id>}.
 */
public record FormValues(String legalStatus, List<String> forms, List<String> grounds, String substantiation,
                         boolean threatToLife, Map<String, List<String>> answers, String outcome, String note,
                         List<String> referrals) {

    public static FormValues empty(List<String> reportedForms) {
        return new FormValues("", reportedForms, List.of(), "", false, Map.of(), "", "", List.of());
    }

    static FormValues of(MultiValueMap<String, String> params) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("q-")) {
                answers.put(name, values.stream().filter(v -> !v.isBlank()).toList());
            }
        });
        return new FormValues(first(params, "legalStatus"), all(params, "form"), all(params, "ground"),
                first(params, "substantiation"), "true".equals(first(params, "threatToLife")), answers,
                first(params, "outcome"), first(params, "note"), all(params, "referral"));
    }

    /** The answer(s) to one question, for the template. */
    public List<String> answer(UUID questionId) {
        return answers.getOrDefault("q-" + questionId, List.of());
    }

    Submission submission() {
        Map<UUID, List<String>> byQuestion = new LinkedHashMap<>();
        answers.forEach((name, values) -> {
            try {
                byQuestion.put(UUID.fromString(name.substring(2)), values);
            } catch (IllegalArgumentException ignored) {
                // not one of our question fields
            }
        });
        return new Submission(status(legalStatus), forms, grounds, substantiation, threatToLife, byQuestion, decision());
    }

    Submission.DecisionRequest decision() {
        Outcome chosen;
        try {
            chosen = outcome.isBlank() ? null : Outcome.ofCode(outcome);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        return new Submission.DecisionRequest(chosen, note, referrals);
    }

    private static LegalStatus status(String code) {
        try {
            return code.isBlank() ? null : LegalStatus.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static List<String> all(MultiValueMap<String, String> params, String name) {
        return new ArrayList<>(params.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).distinct().toList());
    }
}
