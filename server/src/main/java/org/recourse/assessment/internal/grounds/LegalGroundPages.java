package org.recourse.assessment.internal.grounds;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators and admins keep the legal grounds analysts choose from. */
@Controller
class LegalGroundPages {

    private static final int MAX = 500;

    private final LegalGrounds grounds;

    LegalGroundPages(LegalGrounds grounds) {
        this.grounds = grounds;
    }

    @GetMapping("/staff/legal-grounds")
    String list(Model model) {
        model.addAttribute("grounds", grounds.all());
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new LegalGround("", "", "", "", "", 500, true));
        }
        return "assessment/legal-grounds";
    }

    @PostMapping("/staff/legal-grounds")
    String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String citation,
               @RequestParam(defaultValue = "") String labelNl, @RequestParam(defaultValue = "") String labelEn,
               @RequestParam(defaultValue = "") String law, @RequestParam(defaultValue = "500") int sortOrder,
               Model model, RedirectAttributes redirect) {
        LegalGround draft = new LegalGround(code.strip().toLowerCase(java.util.Locale.ROOT), citation.strip(),
                labelNl.strip(), labelEn.strip(), law.strip(), sortOrder, true);
        Map<String, String> errors = check(draft);
        if (!draft.code().matches("[a-z0-9][a-z0-9_.-]{0,60}")) {
            errors.put("code", "assessment.legal-grounds.error.code");
        }
        if (errors.isEmpty() && !grounds.add(draft)) {
            errors.put("code", "assessment.legal-grounds.error.code-taken");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("draft", draft);
            model.addAttribute("errors", errors);
            return list(model);
        }
        redirect.addFlashAttribute("saved", draft.code());
        return "redirect:/staff/legal-grounds";
    }

    @PostMapping("/staff/legal-grounds/{code}")
    String update(@PathVariable String code, @RequestParam(defaultValue = "") String citation,
                  @RequestParam(defaultValue = "") String labelNl, @RequestParam(defaultValue = "") String labelEn,
                  @RequestParam(defaultValue = "") String law, @RequestParam(defaultValue = "500") int sortOrder,
                  @RequestParam(defaultValue = "false") boolean active, Model model, RedirectAttributes redirect) {
        grounds.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LegalGround changed = new LegalGround(code, citation.strip(), labelNl.strip(), labelEn.strip(), law.strip(), sortOrder, active);
        Map<String, String> errors = check(changed);
        if (!errors.isEmpty()) {
            model.addAttribute("editErrors", errors);
            model.addAttribute("editCode", code);
            return list(model);
        }
        grounds.update(changed);
        redirect.addFlashAttribute("saved", code);
        return "redirect:/staff/legal-grounds";
    }

    private static Map<String, String> check(LegalGround g) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (g.citation().isEmpty() || g.citation().length() > MAX) {
            errors.put("citation", "assessment.legal-grounds.error.required");
        }
        if (g.labelNl().isEmpty() || g.labelNl().length() > MAX) {
            errors.put("labelNl", "assessment.legal-grounds.error.required");
        }
        if (g.labelEn().isEmpty() || g.labelEn().length() > MAX) {
            errors.put("labelEn", "assessment.legal-grounds.error.required");
        }
        if (g.law().isEmpty() || g.law().length() > 100) {
            errors.put("law", "assessment.legal-grounds.error.required");
        }
        return errors;
    }
}
