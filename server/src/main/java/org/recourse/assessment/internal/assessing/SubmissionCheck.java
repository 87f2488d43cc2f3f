package org.recourse.assessment.internal.assessing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recourse.assessment.internal.grounds.LegalGround;
import org.recourse.assessment.internal.grounds.LegalGrounds;
import org.recourse.assessment.internal.queue.Entry;
import org.recourse.assessment.internal.questions.Question;
import org.recourse.assessment.internal.questions.QuestionSetVersion;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.directory.Directory;
import org.recourse.routing.LegalStatus;
import org.recourse.taxonomy.Taxonomy;
import org.springframework.stereotype.Component;

/**
 * Checks a submission field by field; each problem is a message key under the field it belongs
 * to ({@code legalStatus}, {@code forms}, {@code q-<question id>}, {@code outcome}, ...), so the
 * page can show it next to that field.
 */
@Component
class SubmissionCheck {

    static final int MAX_TEXT = 10_000;

    private final Taxonomy taxonomy;
    private final LegalGrounds grounds;
    private final QuestionSets questionSets;
    private final Directory directory;

    SubmissionCheck(Taxonomy taxonomy, LegalGrounds grounds, QuestionSets questionSets, Directory directory) {
        this.taxonomy = taxonomy;
        this.grounds = grounds;
        this.questionSets = questionSets;
        this.directory = directory;
    }

    Map<String, String> assessment(Entry entry, Submission s) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (s.legalStatus() == null || s.legalStatus() == LegalStatus.UNKNOWN) {
            errors.put("legalStatus", "assessment.error.legal-status");
        }
        if (s.forms().isEmpty()) {
            errors.put("forms", "assessment.error.forms");
        } else if (s.forms().stream().anyMatch(code -> taxonomy.find(code).isEmpty())) {
            errors.put("forms", "assessment.error.forms-unknown");
        }
        List<String> known = grounds.active().stream().map(LegalGround::code).toList();
        if (!known.containsAll(s.legalGrounds())) {
            errors.put("legalGrounds", "assessment.error.grounds-unknown");
        }
        if (s.substantiation() != null && s.substantiation().length() > MAX_TEXT) {
            errors.put("substantiation", "assessment.error.too-long");
        }
        for (QuestionSetVersion set : questionSets.current()) {
            for (Question q : set.questions()) {
                List<String> answer = s.answers().getOrDefault(q.id(), List.of());
                if (q.required() && answer.stream().allMatch(String::isBlank)) {
                    errors.put("q-" + q.id(), "assessment.error.answer-required");
                } else if (q.choice() && !q.options().containsAll(answer)) {
                    errors.put("q-" + q.id(), "assessment.error.answer-option");
                } else if ((!"checkbox".equals(q.kind()) && answer.size() > 1)
                        || answer.stream().anyMatch(a -> a.length() > MAX_TEXT)) {
                    errors.put("q-" + q.id(), "assessment.error.answer-option");
                }
            }
        }
        errors.putAll(decision(entry, s.decision(), s.substantiation()));
        return errors;
    }

    /** The non-empty answers to questions of the current sets: what an assessment stores. */
    Map<java.util.UUID, List<String>> answersToKeep(Map<java.util.UUID, List<String>> answers) {
        Map<java.util.UUID, List<String>> kept = new LinkedHashMap<>();
        for (QuestionSetVersion set : questionSets.current()) {
            for (Question q : set.questions()) {
                List<String> answer = answers.getOrDefault(q.id(), List.of()).stream().filter(a -> !a.isBlank()).toList();
                if (!answer.isEmpty()) {
                    kept.put(q.id(), answer);
                }
            }
        }
        return kept;
    }

    Map<String, String> decision(Entry entry, Submission.DecisionRequest d, String substantiation) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.outcome() == null) {
            errors.put("outcome", "assessment.error.outcome");
            return errors;
        }
        if (d.outcome() == Outcome.TAKE_DOWN && entry.url() == null) {
            errors.put("outcome", "assessment.error.take-down-without-url");
        }
        if (d.outcome() == Outcome.TAKE_DOWN && (substantiation == null || substantiation.isBlank())) {
            errors.put("substantiation", "assessment.error.substantiation-required");
        }
        if (d.outcome() == Outcome.CLOSE && (d.note() == null || d.note().isBlank())) {
            errors.put("note", "assessment.error.close-reason");
        }
        if (d.note() != null && d.note().length() > MAX_TEXT) {
            errors.put("note", "assessment.error.too-long");
        }
        if (d.outcome() == Outcome.REFER_ONLY && d.referrals().isEmpty()) {
            errors.put("referrals", "assessment.error.referrals");
        }
        if (d.referrals().stream().anyMatch(key -> directory.findByKey(key).isEmpty())) {
            errors.put("referrals", "assessment.error.referrals-unknown");
        }
        return errors;
    }
}
