package org.recourse.referral.internal.signpost;

import java.util.List;
import java.util.Locale;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.routing.FormsOfViolence;
import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The public signpost: {@code /wegwijzer} in Dutch, {@code /help} in English. The answers are
 * posted (never in a URL, so they stay out of the browser history) and the page is not cached.
 */
@Controller
class SignpostPage {

    static final List<String> STARTED = List.of("last_7_days", "last_month", "last_year", "longer_ago", "unknown");
    static final List<String> YES_NO_UNSURE = List.of("yes", "no", "unsure");
    static final List<String> RELATIONSHIPS = List.of("partner", "ex_partner", "family", "acquaintance",
            "colleague_or_fellow_student", "online_only", "stranger", "unknown");

    private final Signpost signpost;
    private final Taxonomy taxonomy;
    private final LocaleResolver locales;

    SignpostPage(Signpost signpost, Taxonomy taxonomy, LocaleResolver locales) {
        this.signpost = signpost;
        this.taxonomy = taxonomy;
        this.locales = locales;
    }

    @GetMapping("/wegwijzer")
    String dutch(@RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        choose(lang, Locale.forLanguageTag("nl"), request, response);
        return show(new SignpostAnswers(), "/wegwijzer", response, model);
    }

    @GetMapping("/help")
    String english(@RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        choose(lang, Locale.ENGLISH, request, response);
        return show(new SignpostAnswers(), "/help", response, model);
    }

    @PostMapping("/wegwijzer")
    String answerDutch(@ModelAttribute("answers") SignpostAnswers answers, Locale locale, HttpServletResponse response,
                       Model model) {
        model.addAttribute("advice", signpost.answer(answers, locale));
        return show(answers, "/wegwijzer", response, model);
    }

    @PostMapping("/help")
    String answerEnglish(@ModelAttribute("answers") SignpostAnswers answers, Locale locale, HttpServletResponse response,
                         Model model) {
        model.addAttribute("advice", signpost.answer(answers, locale));
        return show(answers, "/help", response, model);
    }

    private String show(SignpostAnswers answers, String path, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        List<ViolenceForm> forms = taxonomy.activeForms().stream().filter(f -> FormsOfViolence.isKnown(f.code())).toList();
        model.addAttribute("answers", answers);
        model.addAttribute("forms", forms);
        model.addAttribute("startedChoices", STARTED);
        model.addAttribute("yesNoUnsure", YES_NO_UNSURE);
        model.addAttribute("relationships", RELATIONSHIPS);
        model.addAttribute("action", path);
        model.addAttribute("reportAction", path.equals("/help") ? "/report" : "/melden");
        return "referral/signpost";
    }

    private void choose(String lang, Locale pageLanguage, HttpServletRequest request, HttpServletResponse response) {
        if (lang == null) {
            locales.setLocale(request, response, pageLanguage);
        }
    }
}
