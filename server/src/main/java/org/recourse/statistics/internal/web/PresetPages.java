package org.recourse.statistics.internal.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.recourse.statistics.internal.presets.PresetText;
import org.recourse.statistics.internal.presets.Presets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins adjust the export presets; a preset naming an unknown measure or dimension is refused with the line and the reason. */
@Controller
class PresetPages {

    private final Presets presets;
    private final Labels labels;

    PresetPages(Presets presets, Labels labels) {
        this.presets = presets;
        this.labels = labels;
    }

    @GetMapping("/staff/statistics/presets")
    String list(@RequestParam(required = false) String saved, Model model) {
        model.addAttribute("presets", presets.all().stream()
                .map(p -> new PresetForm(p.name(), p.title(), PresetText.write(p.tables()))).toList());
        model.addAttribute("saved", saved);
        return "statistics/presets";
    }

    @PostMapping("/staff/statistics/presets")
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String title,
                @RequestParam(defaultValue = "") String tables, Principal who, Model model, Locale locale,
                HttpServletResponse response) {
        List<PresetText.Problem> problems = presets.save(name.strip(), title, tables, who.getName());
        if (problems.isEmpty()) {
            return "redirect:/staff/statistics/presets?saved=" + name.strip();
        }
        response.setStatus(400);
        model.addAttribute("presets", presets.all().stream()
                .map(p -> new PresetForm(p.name(), p.title(), PresetText.write(p.tables()))).toList());
        model.addAttribute("editing", new PresetForm(name, title, tables));
        model.addAttribute("problems", problems.stream().map(p -> {
            String text = labels.text(p.key(), locale, p.args().toArray());
            return p.line() == 0 ? text : labels.text("statistics.presets.error.line", locale, p.line(), text);
        }).toList());
        return "statistics/presets";
    }

    public record PresetForm(String name, String title, String tables) {
    }
}
