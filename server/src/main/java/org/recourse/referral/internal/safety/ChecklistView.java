package org.recourse.referral.internal.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the checklist and its advice show, for the case page and the status page alike: the
 * questions of the current texts, and for the latest check its answers with the advice (in the
 * texts of the version it used) for every signal present.
 */
record ChecklistView(List<Question> questions, Optional<Done> latest, Map<?, ?> errors) {

    record Question(String code, String text) {
    }

    record Line(String code, String question, String answer, String since, String advice) {
    }

    record Done(SafetyCheck check, List<Line> present) {
    }

    static ChecklistView of(SafetyTexts texts, Optional<SafetyCheck> latest, Locale locale, Map<?, ?> errors) {
        Map<SafetySignal, SafetyTexts.Text> now = texts.of(texts.current(), locale);
        List<Question> questions = new ArrayList<>();
        for (SafetySignal s : SafetySignal.values()) {
            questions.add(new Question(s.code(), now.get(s).question()));
        }
        Optional<Done> done = latest.map(check -> {
            Map<SafetySignal, SafetyTexts.Text> used = texts.of(check.textVersion(), locale);
            List<Line> present = new ArrayList<>();
            for (SafetySignal s : SafetySignal.values()) {
                SafetyCheck.Answer a = check.answers().get(s);
                if (a != null && a.answer().present()) {
                    present.add(new Line(s.code(), used.get(s).question(), a.answer().code(), a.since() == null ? null : a.since().toString(),
                            used.get(s).advice()));
                }
            }
            return new Done(check, present);
        });
        return new ChecklistView(questions, done, errors == null ? Map.of() : errors);
    }
}
