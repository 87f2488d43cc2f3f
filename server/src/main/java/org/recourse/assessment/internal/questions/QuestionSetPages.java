package org.recourse.assessment.internal.questions;

import java.security.Principal;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators and admins write question sets; every save is a new version, every version stays readable. */
@Controller
class QuestionSetPages {

    private static final int MAX_TEXT = 50_000;
    private static final int MAX_NAME = 200;

    private final QuestionSets sets;

    QuestionSetPages(QuestionSets sets) {
        this.sets = sets;
    }

    @GetMapping("/staff/question-sets")
    String list(Model model) {
        model.addAttribute("sets", sets.all());
        model.addAttribute("kinds", QuestionText.KINDS);
        if (!model.containsAttribute("name")) {
            model.addAttribute("name", "");
            model.addAttribute("text", "");
        }
        return "assessment/question-sets";
    }

    @PostMapping("/staff/question-sets")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String text,
                  Principal user, Model model) {
        String trimmed = name.strip();
        QuestionText.Parsed parsed = QuestionText.parse(text.length() > MAX_TEXT ? "" : text);
        model.addAttribute("name", name);
        model.addAttribute("text", text);
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            model.addAttribute("nameError", "assessment.question-sets.error.name");
        }
        if (!parsed.problems().isEmpty()) {
            model.addAttribute("problems", parsed.problems());
        }
        if (model.containsAttribute("nameError") || model.containsAttribute("problems")) {
            return list(model);
        }
        try {
            UUID id = sets.create(trimmed, parsed.questions(), user.getName());
            return "redirect:/staff/question-sets/" + id;
        } catch (QuestionSets.NameTaken taken) {
            model.addAttribute("nameError", "assessment.question-sets.error.name-taken");
            return list(model);
        }
    }

    @GetMapping("/staff/question-sets/{setId}")
    String set(@PathVariable UUID setId, Model model) {
        QuestionSetVersion latest = sets.latest(setId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("shown", latest);
        model.addAttribute("versions", sets.versionNumbers(setId));
        model.addAttribute("kinds", QuestionText.KINDS);
        if (!model.containsAttribute("text")) {
            model.addAttribute("text", latest.text());
        }
        return "assessment/question-set";
    }

    @PostMapping("/staff/question-sets/{setId}")
    String save(@PathVariable UUID setId, @RequestParam(defaultValue = "") String text, Principal user, Model model,
                RedirectAttributes redirect) {
        if (!sets.exists(setId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        QuestionText.Parsed parsed = QuestionText.parse(text.length() > MAX_TEXT ? "" : text);
        if (!parsed.problems().isEmpty()) {
            model.addAttribute("text", text);
            model.addAttribute("problems", parsed.problems());
            return set(setId, model);
        }
        int version = sets.saveVersion(setId, parsed.questions(), user.getName());
        redirect.addFlashAttribute("savedVersion", version);
        return "redirect:/staff/question-sets/" + setId;
    }

    @PostMapping("/staff/question-sets/{setId}/active")
    String active(@PathVariable UUID setId, @RequestParam(defaultValue = "false") boolean active) {
        if (!sets.exists(setId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        sets.setActive(setId, active);
        return "redirect:/staff/question-sets/" + setId;
    }

    @GetMapping("/staff/question-sets/{setId}/versions/{version}")
    String version(@PathVariable UUID setId, @PathVariable int version, Model model) {
        model.addAttribute("shown", sets.version(setId, version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "assessment/question-set-version";
    }
}
