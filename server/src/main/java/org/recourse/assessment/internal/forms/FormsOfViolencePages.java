package org.recourse.assessment.internal.forms;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.recourse.taxonomy.TaxonomyEditor;
import org.recourse.taxonomy.ViolenceForm;
import org.recourse.taxonomy.ViolenceGroup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins and coordinators extend the taxonomy analysts assess with: add a form of violence when a
 * new one appears, retire one that is no longer used. New forms show on the report form too.
 */
@Controller
class FormsOfViolencePages {

    private static final int MAX = 1000;

    private final TaxonomyEditor taxonomy;

    FormsOfViolencePages(TaxonomyEditor taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GetMapping("/staff/forms-of-violence")
    String list(Model model) {
        model.addAttribute("forms", taxonomy.all());
        model.addAttribute("retired", taxonomy.retired());
        model.addAttribute("groups", ViolenceGroup.values());
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new ViolenceForm("", ViolenceGroup.OTHER, "", "", "", "", 50));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "assessment/forms-of-violence";
    }

    @PostMapping("/staff/forms-of-violence")
    String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "other") String group,
               @RequestParam(defaultValue = "") String labelNl, @RequestParam(defaultValue = "") String labelEn,
               @RequestParam(defaultValue = "") String helpNl, @RequestParam(defaultValue = "") String helpEn,
               @RequestParam(defaultValue = "50") int sortOrder, Model model, RedirectAttributes redirect) {
        ViolenceGroup chosen;
        try {
            chosen = ViolenceGroup.fromCode(group);
        } catch (IllegalArgumentException e) {
            chosen = ViolenceGroup.OTHER;
        }
        ViolenceForm draft = new ViolenceForm(code.strip().toLowerCase(Locale.ROOT), chosen, labelNl.strip(),
                labelEn.strip(), helpNl.strip(), helpEn.strip(), sortOrder);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!draft.code().matches("[a-z][a-z0-9_]{1,60}")) {
            errors.put("code", "assessment.forms.error.code");
        }
        require(errors, "labelNl", draft.labelNl());
        require(errors, "labelEn", draft.labelEn());
        require(errors, "helpNl", draft.helpNl());
        require(errors, "helpEn", draft.helpEn());
        if (errors.isEmpty() && !taxonomy.add(draft)) {
            errors.put("code", "assessment.forms.error.code-taken");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("draft", draft);
            model.addAttribute("errors", errors);
            return list(model);
        }
        redirect.addFlashAttribute("saved", draft.code());
        return "redirect:/staff/forms-of-violence";
    }

    @PostMapping("/staff/forms-of-violence/{code}/active")
    String active(@PathVariable String code, @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        if (taxonomy.all().stream().noneMatch(f -> f.code().equals(code))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        taxonomy.setActive(code, active);
        redirect.addFlashAttribute("saved", code);
        return "redirect:/staff/forms-of-violence";
    }

    private static void require(Map<String, String> errors, String field, String value) {
        if (value.isEmpty() || value.length() > MAX) {
            errors.put(field, "assessment.forms.error.required");
        }
    }
}
