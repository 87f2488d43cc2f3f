package org.recourse.assessment.internal.assessing;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.recourse.assessment.internal.CaseRouting;
import org.recourse.assessment.internal.grounds.LegalGrounds;
import org.recourse.assessment.internal.queue.Entries;
import org.recourse.assessment.internal.queue.Entry;
import org.recourse.assessment.internal.queue.WorkingQueue;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.platform.CaseRef;
import org.recourse.routing.LegalStatus;
import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assessment page of one entry: what was reported, routing's advice with its reasons, the
 * lock, what the reporter wrote, the assessment form with the decision, and the decisions made so
 * far. (A case's decisions and referrals are on the case's one page.)
 */
@Controller
class AssessmentPages {

    private final Entries entries;
    private final WorkingQueue queue;
    private final AssessingItem assessing;
    private final Assessments assessments;
    private final Decisions decisions;
    private final Cases cases;
    private final CaseRouting routing;
    private final Taxonomy taxonomy;
    private final LegalGrounds grounds;
    private final QuestionSets questionSets;
    private final ViewingEntries viewing;
    private final Clock clock;

    AssessmentPages(Entries entries, WorkingQueue queue, AssessingItem assessing, Assessments assessments,
                    Decisions decisions, Cases cases, CaseRouting routing, Taxonomy taxonomy, LegalGrounds grounds,
                    QuestionSets questionSets, ViewingEntries viewing, Clock clock) {
        this.entries = entries;
        this.queue = queue;
        this.assessing = assessing;
        this.assessments = assessments;
        this.decisions = decisions;
        this.cases = cases;
        this.routing = routing;
        this.taxonomy = taxonomy;
        this.grounds = grounds;
        this.questionSets = questionSets;
        this.viewing = viewing;
        this.clock = clock;
    }

    @GetMapping("/staff/assessments/{entryId}")
    String entry(@PathVariable UUID entryId, Principal user, Model model) {
        Entry entry = viewing.open(entryId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", FormValues.empty(entry.forms()));
        }
        return show(entry, user, model);
    }

    @PostMapping("/staff/assessments/{entryId}/lock")
    String lock(@PathVariable UUID entryId, Principal user, RedirectAttributes redirect) {
        existing(entryId);
        if (!queue.take(entryId, user.getName())) {
            redirect.addFlashAttribute("refused", "assessment.refused.locked");
        }
        return "redirect:/staff/assessments/" + entryId;
    }

    @PostMapping("/staff/assessments/{entryId}/release")
    String release(@PathVariable UUID entryId, Principal user) {
        existing(entryId);
        queue.release(entryId, user.getName());
        return "redirect:/staff/queue";
    }

    @PostMapping("/staff/assessments/{entryId}")
    String submit(@PathVariable UUID entryId, @RequestParam MultiValueMap<String, String> params, Principal user, Model model,
                  RedirectAttributes redirect) {
        FormValues values = FormValues.of(params);
        return decide(entryId, values, user, model, redirect,
                () -> assessing.submit(entryId, user.getName(), values.submission()));
    }

    @PostMapping("/staff/assessments/{entryId}/decisions")
    String decideAgain(@PathVariable UUID entryId, @RequestParam MultiValueMap<String, String> params, Principal user,
                       Model model, RedirectAttributes redirect) {
        FormValues values = FormValues.of(params);
        return decide(entryId, values, user, model, redirect,
                () -> assessing.decideAgain(entryId, user.getName(), values.decision()));
    }

    /** Takes a decision and shows its outcome; invalid input re-shows the form with the errors. */
    private String decide(UUID entryId, FormValues values, Principal user, Model model, RedirectAttributes redirect,
                          java.util.function.Supplier<Decision> deciding) {
        Entry entry = existing(entryId);
        try {
            Decision decision = deciding.get();
            redirect.addFlashAttribute("decided", decision.pending() ? "assessment.decided.pending" : "assessment.decided.effective");
            return "redirect:/staff/assessments/" + entryId;
        } catch (AssessingItem.Invalid invalid) {
            model.addAttribute("values", values);
            model.addAttribute("errors", invalid.errors());
            return show(entry, user, model);
        } catch (AssessingItem.Refused refused) {
            redirect.addFlashAttribute("refused", refused.reason());
            return "redirect:/staff/assessments/" + entryId;
        }
    }

    /** The case's decisions had a page here before the case had one page. */
    @GetMapping("/staff/assessments/cases/{caseId}")
    ResponseEntity<Void> casePage(@PathVariable UUID caseId) {
        CaseView view = cases.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new CaseRef(view.id(), view.caseNumber()).movedHere(AssessmentSection.ANCHOR);
    }

    private String show(Entry entry, Principal user, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        String me = user.getName();
        CaseView view = cases.find(entry.caseId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<Assessment> assessment = assessments.forEntry(entry.id());
        CaseRouting.Judgement judgement = assessment
                .map(a -> new CaseRouting.Judgement(a.legalStatus(), Set.copyOf(a.forms()), a.threatToLife()))
                .orElse(CaseRouting.Judgement.unjudged(view));
        model.addAttribute("entry", entry);
        model.addAttribute("caseView", view);
        model.addAttribute("words", cases.reporterWords(entry.caseId()).orElse(null));
        model.addAttribute("itemDescription", entry.itemId() == null ? null : cases.items(entry.caseId()).stream()
                .filter(i -> i.id().equals(entry.itemId())).map(org.recourse.intake.ReportedItem::description)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null));
        model.addAttribute("now", clock.instant());
        model.addAttribute("mine", entry.awaiting() && entry.lockedTo(me, clock.instant()));
        model.addAttribute("lockedByOther", entry.lockedNow(clock.instant()) && !entry.lockedTo(me, clock.instant()));
        model.addAttribute("advice", routing.advise(view, entry.platformKey(), judgement));
        model.addAttribute("assessment", assessment.orElse(null));
        assessment.ifPresent(a -> model.addAttribute("answeredQuestions", questionSets.questions(List.copyOf(a.answers().keySet()))));
        model.addAttribute("decisions", decisions.forEntry(entry.id()));
        model.addAttribute("mayDecideAgain", assessment.isPresent() && assessing.mayDecideAgain(entry));
        model.addAttribute("me", me);
        model.addAttribute("forms", taxonomy.activeForms());
        model.addAttribute("formLabels", taxonomy.activeForms().stream()
                .collect(java.util.stream.Collectors.toMap(ViolenceForm::code, f -> f.label(locale))));
        model.addAttribute("grounds", grounds.active());
        model.addAttribute("allGrounds", grounds.all());
        model.addAttribute("questionSets", questionSets.current());
        model.addAttribute("statuses", List.of(LegalStatus.ILLEGAL, LegalStatus.UNLAWFUL, LegalStatus.HARMFUL,
                LegalStatus.NOT_PROBLEMATIC));
        model.addAttribute("outcomes", Outcome.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "assessment/entry";
    }

    private Entry existing(UUID entryId) {
        return entries.find(entryId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
