package org.recourse.intake.internal.form;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.intake.Channel;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.intake.internal.abuse.Throttle;
import org.recourse.intake.internal.cases.FieldError;
import org.recourse.intake.internal.cases.Passphrases;
import org.recourse.intake.internal.cases.ReportValidation;
import org.recourse.intake.internal.cases.SecretHashing;
import org.recourse.intake.internal.cases.Submitted;
import org.recourse.intake.internal.cases.SubmittingReport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The public report form: {@code /melden} in Dutch, {@code /report} in English (the language
 * switch overrides either). No account, no JavaScript needed, nothing about the reporter in a URL.
 * The case number and secret are shown once, in the response to the submission itself.
 */
@Controller
class ReportingController {

    private final FormSupport support;
    private final SubmittingReport submitting;
    private final SecretHashing secrets;
    private final Throttle throttle;
    private final IntakeSettings settings;
    private final LocaleResolver locales;

    ReportingController(FormSupport support, SubmittingReport submitting, SecretHashing secrets, Throttle throttle,
                        IntakeSettings settings, LocaleResolver locales) {
        this.support = support;
        this.submitting = submitting;
        this.secrets = secrets;
        this.throttle = throttle;
        this.settings = settings;
        this.locales = locales;
    }

    @GetMapping("/melden")
    String dutchForm(@RequestParam(required = false) String lang, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        chooseLanguage(lang, Locale.forLanguageTag("nl"), request, response);
        return show(new ReportForm(), "/melden", model, Map.of());
    }

    @GetMapping("/report")
    String englishForm(@RequestParam(required = false) String lang, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        chooseLanguage(lang, Locale.ENGLISH, request, response);
        return show(new ReportForm(), "/report", model, Map.of());
    }

    @PostMapping("/melden")
    String submitDutch(@ModelAttribute("report") ReportForm form, HttpServletRequest request,
                       HttpServletResponse response, Model model, Locale locale) {
        return submit(form, "/melden", request, response, model, locale);
    }

    @PostMapping("/report")
    String submitEnglish(@ModelAttribute("report") ReportForm form, HttpServletRequest request,
                         HttpServletResponse response, Model model, Locale locale) {
        return submit(form, "/report", request, response, model, locale);
    }

    private String submit(ReportForm form, String path, HttpServletRequest request, HttpServletResponse response,
                          Model model, Locale locale) {
        if (form.getWebsite() != null && !form.getWebsite().isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("formError", "intake.form.error.not-sent");
            return show(form, path, model, Map.of());
        }
        var outcome = ReportValidation.validate(form.toReport(Channel.WEB_FORM, null), support::activeForm);
        List<FieldError> errors = outcome.errors();
        if (form.urlLines().size() > ReportForm.MAX_URL_LINES) {
            errors = List.of(new FieldError("items", "intake.error.too-many-items"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return show(form, path, model, support.messages(form, errors, locale));
        }
        IntakeSettings.Form limit = settings.form();
        int recent = throttle.hit(Throttle.FORM_ADDRESS, throttle.addressSubject(request.getRemoteAddr()),
                limit.maxPerAddress() + 1, limit.window(), limit.window());
        if (recent > limit.maxPerAddress()) {
            response.setStatus(429);
            model.addAttribute("formError", "intake.form.error.too-many");
            return show(form, path, model, Map.of());
        }
        String secret = Passphrases.next();
        Submitted submitted = submitting.submit(outcome.report(), secret, secrets.hash(secret));
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("submitted", submitted);
        return "intake/submitted";
    }

    private String show(ReportForm form, String path, Model model, Map<String, String> errors) {
        support.addChoices(model);
        model.addAttribute("report", form);
        model.addAttribute("errors", errors);
        model.addAttribute("action", path);
        return "intake/report";
    }

    private void chooseLanguage(String lang, Locale pageLanguage, HttpServletRequest request,
                                HttpServletResponse response) {
        if (lang == null) {
            locales.setLocale(request, response, pageLanguage);
        }
    }
}
