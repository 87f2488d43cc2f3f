package org.recourse.referral.internal.safety;

import java.security.Principal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators edit the checklist's questions and advice, Dutch and English; saving publishes a new version. */
@Controller
class SafetyTextPages {

    private final SafetyTexts texts;

    SafetyTextPages(SafetyTexts texts) {
        this.texts = texts;
    }

    @GetMapping("/staff/safety-texts")
    String edit(Model model) {
        int version = texts.current();
        model.addAttribute("version", version);
        model.addAttribute("signals", SafetySignal.values());
        if (!model.containsAttribute("nl")) {
            model.addAttribute("nl", texts.of(version, Locale.forLanguageTag("nl")));
            model.addAttribute("en", texts.of(version, Locale.ENGLISH));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "referral/safety-texts";
    }

    @PostMapping("/staff/safety-texts")
    String publish(@RequestParam Map<String, String> fields, Principal user, RedirectAttributes redirect) {
        Map<String, Map<SafetySignal, SafetyTexts.Text>> byLanguage = new LinkedHashMap<>();
        for (String language : new String[] {"nl", "en"}) {
            Map<SafetySignal, SafetyTexts.Text> typed = new EnumMap<>(SafetySignal.class);
            for (SafetySignal s : SafetySignal.values()) {
                typed.put(s, new SafetyTexts.Text(fields.getOrDefault(language + "-" + s.code() + "-question", ""),
                        fields.getOrDefault(language + "-" + s.code() + "-advice", "")));
            }
            byLanguage.put(language, typed);
        }
        Map<String, String> errors = texts.publish(byLanguage, user.getName());
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("published", "referral.safety-texts.published");
        } else {
            redirect.addFlashAttribute("errors", new LinkedHashMap<>(errors));
            redirect.addFlashAttribute("nl", new EnumMap<>(byLanguage.get("nl")));
            redirect.addFlashAttribute("en", new EnumMap<>(byLanguage.get("en")));
        }
        return "redirect:/staff/safety-texts";
    }
}
