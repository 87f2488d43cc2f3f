package org.recourse.assessment.internal.assessing;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import org.recourse.assessment.internal.grounds.LegalGround;
import org.recourse.assessment.internal.grounds.LegalGrounds;
import org.recourse.assessment.internal.queue.Entries;
import org.recourse.assessment.internal.queue.Entry;
import org.recourse.assessment.internal.queue.WorkingQueue;
import org.recourse.assessment.internal.questions.Question;
import org.recourse.assessment.internal.questions.QuestionSetVersion;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.audit.AuditActor;
import org.recourse.platform.DemoActor;
import org.recourse.platform.DemoDay;
import org.recourse.routing.LegalStatus;
import org.springframework.stereotype.Component;

/**
 * The demo's analysts: on working days at ten, {@code demo-analyst-1} takes every waiting item from the
 * queue and assesses it through the assessment use case (answers to the current question set, legal
 * grounds, a substantiation marked synthetic), deciding take-down for most, closing or only referring
 * some; at three, {@code demo-analyst-2} confirms the decisions that need a second pair of eyes (and
 * {@code demo-analyst-1} those {@code demo-analyst-2} made herself, on re-uploads she confirmed).
 */
@Component
class AssessmentDemo implements DemoActor {

    static final String FIRST = "demo-analyst-1";
    static final String SECOND = "demo-analyst-2";
    private static final List<String> HELP = List.of("slachtofferhulp-nederland", "centrum-seksueel-geweld", "helpwanted");

    private final WorkingQueue queue;
    private final Entries entries;
    private final AssessingItem assessing;
    private final Decisions decisions;
    private final QuestionSets questionSets;
    private final LegalGrounds grounds;

    AssessmentDemo(WorkingQueue queue, Entries entries, AssessingItem assessing, Decisions decisions, QuestionSets questionSets,
                   LegalGrounds grounds) {
        this.queue = queue;
        this.entries = entries;
        this.assessing = assessing;
        this.decisions = decisions;
        this.questionSets = questionSets;
        this.grounds = grounds;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void act(DemoDay day) {
        if (day.date().getDayOfWeek() == DayOfWeek.SATURDAY || day.date().getDayOfWeek() == DayOfWeek.SUNDAY) {
            return;
        }
        day.moveTo(10 * 60);
        AuditActor.runAs(FIRST, () -> {
            for (Optional<UUID> next = queue.takeNext(FIRST); next.isPresent(); next = queue.takeNext(FIRST)) {
                Entry entry = entries.find(next.get()).orElseThrow();
                // Drawn from the item's address, so the same seed decides the same way whatever order the queue gives.
                SplittableRandom random = new SplittableRandom(String.valueOf(entry.url()).hashCode() * 0x9E3779B97F4A7C15L);
                assessing.submit(entry.id(), FIRST, submission(entry, random));
            }
        });
        day.moveTo(15 * 60);
        for (List<Decision> pending = decisions.pending(); !pending.isEmpty(); pending = decisions.pending()) {
            for (Decision decision : pending) {
                // A re-upload confirmed by demo-analyst-2 was decided in her name: her colleague confirms that one.
                String confirmer = decision.decidedBy().equals(SECOND) ? FIRST : SECOND;
                AuditActor.runAs(confirmer, () -> assessing.confirm(decision.id(), confirmer));
            }
        }
    }

    private Submission submission(Entry entry, SplittableRandom random) {
        Map<UUID, List<String>> answers = new LinkedHashMap<>();
        for (QuestionSetVersion set : questionSets.current()) {
            for (Question q : set.questions()) {
                if (q.choice() && !q.options().isEmpty()) {
                    answers.put(q.id(), List.of(q.options().get(random.nextInt(q.options().size()))));
                } else if (q.required()) {
                    answers.put(q.id(), List.of("[synthetisch] beantwoord in de demo"));
                }
            }
        }
        List<String> groundCodes = new ArrayList<>();
        List<LegalGround> active = grounds.active();
        if (!active.isEmpty()) {
            groundCodes.add(active.get(random.nextInt(active.size())).code());
        }
        List<String> forms = entry.forms().isEmpty() ? List.of("non_consensual_sharing") : entry.forms();
        double r = random.nextDouble();
        Submission.DecisionRequest decision = r < 0.84 || entry.url() == null && r < 0.9
                ? new Submission.DecisionRequest(entry.url() == null ? Outcome.REFER_ONLY : Outcome.TAKE_DOWN, null,
                        entry.url() == null ? List.of(HELP.get(random.nextInt(HELP.size()))) : List.of())
                : r < 0.93 ? new Submission.DecisionRequest(Outcome.CLOSE, "[synthetisch] geen strafbare of onrechtmatige inhoud gevonden",
                        List.of())
                : new Submission.DecisionRequest(Outcome.REFER_ONLY, null, List.of(HELP.get(random.nextInt(HELP.size()))));
        LegalStatus status = decision.outcome() == Outcome.CLOSE ? LegalStatus.NOT_PROBLEMATIC : LegalStatus.ILLEGAL;
        return new Submission(status, forms, decision.outcome() == Outcome.CLOSE ? List.of() : groundCodes,
                "[synthetisch] Beeld zonder toestemming gedeeld; herkenbaar; verspreiding strafbaar.", false, answers, decision);
    }
}
