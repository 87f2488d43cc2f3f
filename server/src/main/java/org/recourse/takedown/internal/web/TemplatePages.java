package org.recourse.takedown.internal.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.takedown.internal.TakedownSettings;
import org.recourse.takedown.internal.notices.NoticeContent;
import org.recourse.takedown.internal.notices.SampleNotices;
import org.recourse.takedown.internal.notices.NoticeRenderer;
import org.recourse.takedown.internal.notices.NoticeTemplate;
import org.recourse.takedown.internal.notices.NoticeTemplates;
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
 * Notice templates for coordinators: the default per language and any recipient's own, edited
 * with a preview rendered from a sample item exactly as a notice would be.
 */
@Controller
@RequestMapping("/staff/takedown/templates")
class TemplatePages {

    private static final List<String> LANGUAGES = List.of("nl", "en");

    private final NoticeTemplates templates;
    private final NoticeRenderer renderer;
    private final Directory directory;
    private final TakedownSettings settings;

    TemplatePages(NoticeTemplates templates, NoticeRenderer renderer, Directory directory, TakedownSettings settings) {
        this.templates = templates;
        this.renderer = renderer;
        this.directory = directory;
        this.settings = settings;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("recipients", directory.all());
        model.addAttribute("languages", LANGUAGES);
        return "takedown/templates";
    }

    @GetMapping("/edit")
    String edit(@RequestParam(defaultValue = "") String recipient, @RequestParam(defaultValue = "nl") String language, Model model) {
        check(recipient, language);
        NoticeTemplate template = templates.forRecipient(recipient, language);
        return form(new NoticeTemplate(recipient, language, template.subject(), template.body()), Map.of(), null, model);
    }

    @PostMapping("/edit")
    String save(@RequestParam(defaultValue = "") String recipient, @RequestParam(defaultValue = "nl") String language,
                @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
                @RequestParam(defaultValue = "preview") String action, Principal principal, Model model,
                RedirectAttributes redirect) {
        check(recipient, language);
        NoticeTemplate template = new NoticeTemplate(recipient, language, subject, body.replace("\r\n", "\n"));
        Map<String, String> errors = template.problems().stream().collect(Collectors.toMap(p -> p[0], p -> p[1], (a, b) -> a));
        if (!errors.isEmpty() || !"save".equals(action)) {
            return form(template, errors, errors.isEmpty() ? preview(template) : null, model);
        }
        templates.save(template, principal.getName());
        redirect.addFlashAttribute("done", "takedown.template.saved");
        return "redirect:/staff/takedown/templates";
    }

    private String form(NoticeTemplate template, Map<String, String> errors, NoticeRenderer.Rendered preview, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("recipientName", template.recipientKey().isEmpty() ? null
                : directory.findByKey(template.recipientKey()).map(Organisation::name).orElse(template.recipientKey()));
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
        return "takedown/template-edit";
    }

    private NoticeRenderer.Rendered preview(NoticeTemplate template) {
        Organisation recipient = template.recipientKey().isEmpty() ? null : directory.findByKey(template.recipientKey()).orElse(null);
        NoticeContent sample = SampleNotices.content("TD-PREVIEW00", recipient == null ? SampleNotices.RECIPIENT : recipient.name(),
                recipient == null || recipient.trustedFlagger(), settings.notifier().name(), settings.notifier().email(), "deepfake");
        return renderer.render(template, sample);
    }

    private void check(String recipient, String language) {
        if (!LANGUAGES.contains(language) || (!recipient.isEmpty() && directory.findByKey(recipient).isEmpty())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
