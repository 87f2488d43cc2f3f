package org.recourse.escalation.internal.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.directory.OrganisationKind;
import org.recourse.escalation.internal.requests.LetterTemplate;
import org.recourse.escalation.internal.requests.LetterTemplates;
import org.recourse.escalation.internal.requests.RequestLetters;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators edit the enforcement-request letter per authority and language, with a preview on
 * made-up data; a template without the legal basis, the facts or the contact is refused.
 */
@Controller
@RequestMapping("/staff/escalation/templates")
class LetterTemplatePages {

    static final List<String> LANGUAGES = List.of("nl", "en");

    private final LetterTemplates templates;
    private final RequestLetters letters;
    private final Directory directory;

    LetterTemplatePages(LetterTemplates templates, RequestLetters letters, Directory directory) {
        this.templates = templates;
        this.letters = letters;
        this.directory = directory;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("authorities", directory.all().stream()
                .filter(o -> o.kind() == OrganisationKind.REGULATOR || o.kind() == OrganisationKind.POLICE
                        || o.kind() == OrganisationKind.PROSECUTOR).toList());
        model.addAttribute("languages", LANGUAGES);
        return "escalation/templates";
    }

    @GetMapping("/edit")
    String edit(@RequestParam(defaultValue = "") String authority, @RequestParam(defaultValue = "nl") String language, Model model) {
        check(authority, language);
        LetterTemplate template = templates.forAuthority(authority, language);
        return form(new LetterTemplate(authority, language, template.subject(), template.body()), Map.of(), null, model);
    }

    @PostMapping("/edit")
    String save(@RequestParam(defaultValue = "") String authority, @RequestParam(defaultValue = "nl") String language,
                @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
                @RequestParam(defaultValue = "preview") String action, Principal principal, Model model, RedirectAttributes redirect) {
        check(authority, language);
        LetterTemplate template = new LetterTemplate(authority, language, subject, body.replace("\r\n", "\n"));
        Map<String, String> errors = template.problems().stream().collect(Collectors.toMap(p -> p[0], p -> p[1], (a, b) -> a));
        if (!errors.isEmpty() || !"save".equals(action)) {
            return form(template, errors, errors.isEmpty() ? letters.preview(template, directory.findByKey(authority).orElse(null)) : null, model);
        }
        templates.save(template, principal.getName());
        redirect.addFlashAttribute("done", "escalation.template.saved");
        return "redirect:/staff/escalation/templates";
    }

    private String form(LetterTemplate template, Map<String, String> errors, RequestLetters.Letter preview, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("authorityName", directory.findByKey(template.authorityKey()).map(Organisation::name).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
        model.addAttribute("placeholders", String.join(", ", LetterTemplate.PLACEHOLDERS));
        return "escalation/template-edit";
    }

    private void check(String authority, String language) {
        if (!LANGUAGES.contains(language) || (!authority.isEmpty() && directory.findByKey(authority).isEmpty())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
