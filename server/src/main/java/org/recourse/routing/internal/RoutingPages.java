package org.recourse.routing.internal;

import java.util.List;
import org.recourse.directory.Directory;
import org.recourse.directory.OrganisationKind;
import org.recourse.routing.FormsOfViolence;
import org.recourse.routing.LegalStatus;
import org.recourse.routing.Relationship;
import org.recourse.routing.internal.rules.RuleSetInvalid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routing rules page: the active rules and every earlier version, a form to try the rules on
 * a case, and — for coordinators — the draft to edit and publish.
 */
@Controller
@RequestMapping("/staff/routing")
class RoutingPages {

    private static final int MAX_DOCUMENT = 200_000;

    private final RuleSets ruleSets;
    private final RoutingService routing;
    private final Directory directory;

    RoutingPages(RuleSets ruleSets, RoutingService routing, Directory directory) {
        this.ruleSets = ruleSets;
        this.routing = routing;
        this.directory = directory;
    }

    @GetMapping
    String overview(Model model) {
        PublishedRuleSet active = ruleSets.active();
        model.addAttribute("active", active);
        model.addAttribute("rules", active.rules().describe());
        model.addAttribute("versions", ruleSets.versions());
        addTryOptions(model);
        return "routing/overview";
    }

    @GetMapping("/versions/{version}")
    String version(@PathVariable int version, Model model) {
        PublishedRuleSet rules = ruleSets.version(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("shown", rules);
        model.addAttribute("rules", rules.rules().describe());
        model.addAttribute("activeVersion", ruleSets.active().version());
        return "routing/version";
    }

    @GetMapping("/try")
    String tryRules(@RequestParam(defaultValue = "") String platform, @RequestParam(defaultValue = "") String age,
                    @RequestParam(name = "form", defaultValue = "") List<String> forms,
                    @RequestParam(defaultValue = "") String relationship, @RequestParam(defaultValue = "") String daysAgo,
                    @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "false") boolean threatToLife,
                    @RequestParam(required = false) Integer version, Model model) {
        FactsInput.Result input = FactsInput.parse(directory, platform, age, forms, relationship, daysAgo, status, threatToLife);
        model.addAttribute("input", new TryInput(platform, age, forms, relationship, daysAgo, status, threatToLife));
        model.addAttribute("problems", input.problems());
        int shownVersion = version == null ? ruleSets.active().version() : version;
        if (ruleSets.version(shownVersion).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (input.ok()) {
            model.addAttribute("advice", routing.route(input.facts(), shownVersion));
        }
        model.addAttribute("versions", ruleSets.versions());
        model.addAttribute("shownVersion", shownVersion);
        addTryOptions(model);
        return "routing/try";
    }

    @GetMapping("/draft")
    String draft(Model model) {
        RuleSetDraft draft = ruleSets.draft();
        model.addAttribute("draft", draft);
        model.addAttribute("document", draft.document());
        model.addAttribute("problems", ruleSets.check(draft.document()));
        return "routing/draft";
    }

    @PostMapping("/draft")
    String saveDraft(@RequestParam String document, @RequestParam int basedOn, Model model, RedirectAttributes redirect) {
        if (document.length() > MAX_DOCUMENT) {
            model.addAttribute("draft", ruleSets.draft());
            model.addAttribute("document", document);
            model.addAttribute("problems", List.of("the rule document is longer than " + MAX_DOCUMENT + " characters"));
            return "routing/draft";
        }
        ruleSets.saveDraft(document, basedOn);
        redirect.addFlashAttribute("done", "routing.draft.saved");
        return "redirect:/staff/routing/draft";
    }

    @PostMapping("/draft/publish")
    String publish(@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
        try {
            int version = ruleSets.publish(note.length() > 1000 ? note.substring(0, 1000) : note);
            redirect.addFlashAttribute("done", "routing.published");
            return "redirect:/staff/routing/versions/" + version;
        } catch (RuleSetInvalid invalid) {
            RuleSetDraft draft = ruleSets.draft();
            model.addAttribute("draft", draft);
            model.addAttribute("document", draft.document());
            model.addAttribute("problems", invalid.problems());
            model.addAttribute("publishRefused", true);
            return "routing/draft";
        }
    }

    @PostMapping("/draft/discard")
    String discard(RedirectAttributes redirect) {
        ruleSets.discardDraft();
        redirect.addFlashAttribute("done", "routing.draft.discarded");
        return "redirect:/staff/routing";
    }

    private void addTryOptions(Model model) {
        model.addAttribute("platforms", directory.all().stream().filter(o -> o.kind() == OrganisationKind.PLATFORM
                || o.kind() == OrganisationKind.HOSTER || o.kind() == OrganisationKind.REGISTRAR
                || o.kind() == OrganisationKind.SITE_OWNER).toList());
        model.addAttribute("forms", FormsOfViolence.CODES);
        model.addAttribute("relationships", Relationship.values());
        model.addAttribute("statuses", LegalStatus.values());
    }

    /** What was typed in the try-out form, to show it again with the result. */
    record TryInput(String platform, String age, List<String> forms, String relationship, String daysAgo,
                    String status, boolean threatToLife) {
    }
}
