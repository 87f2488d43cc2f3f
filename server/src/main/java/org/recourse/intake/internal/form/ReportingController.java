package org.recourse.intake.internal.form;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.intake.Channel;
import org.recourse.intake.internal.cases.FieldError;
import org.recourse.intake.internal.cases.Passphrases;
import org.recourse.intake.internal.cases.PublicFormLimit;
import org.recourse.intake.internal.cases.ReportValidation;
import org.recourse.intake.internal.cases.SecretHashing;
import org.recourse.intake.internal.cases.Submitted;
import org.recourse.platform.CleanedFields;
import org.recourse.platform.OneTimeForms;
import org.recourse.intake.internal.cases.SubmittingReport;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public report form: {@code /melden} in Dutch, {@code /report} in English (the language
 * switch overrides either). No account, no JavaScript needed, nothing about the reporter in a URL.
 * A submission that creates a case answers with a redirect (303) to the confirmation page
 * ({@code /melden/ontvangen}, {@code /report/received}), which shows the case number and secret;
 * the form's one-time token makes a double submit or a reload land on that same confirmation
 * instead of creating a second case (see {@link FormSubmissions}).
 */
@Controller
class ReportingController {

    private final FormSupport support;
    private final SubmittingReport submitting;
    private final SecretHashing secrets;
    private final PublicFormLimit limit;
    private final LocaleResolver locales;
    private final FormSubmissions submissions;

    ReportingController(FormSupport support, SubmittingReport submitting, SecretHashing secrets, PublicFormLimit limit,
                        LocaleResolver locales, FormSubmissions submissions) {
        this.submissions = submissions;
        this.support = support;
        this.submitting = submitting;
        this.secrets = secrets;
        this.limit = limit;
        this.locales = locales;
    }

    @GetMapping("/melden")
    String dutchForm(@RequestParam(required = false) String lang, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        chooseLanguage(lang, Locale.forLanguageTag("nl"), request, response);
        return show(freshForm(), "/melden", model, Map.of());
    }

    @GetMapping("/report")
    String englishForm(@RequestParam(required = false) String lang, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        chooseLanguage(lang, Locale.ENGLISH, request, response);
        return show(freshForm(), "/report", model, Map.of());
    }

    @PostMapping("/melden")
    Object submitDutch(@ModelAttribute("report") ReportForm form, HttpServletRequest request,
                       HttpServletResponse response, Model model, Locale locale) {
        return submit(form, "/melden", request, response, model, locale);
    }

    @PostMapping("/report")
    Object submitEnglish(@ModelAttribute("report") ReportForm form, HttpServletRequest request,
                         HttpServletResponse response, Model model, Locale locale) {
        return submit(form, "/report", request, response, model, locale);
    }

    /**
     * The form filled in beforehand with the answers another public page posted (the signpost):
     * what happened, when, under 18, who and where. Posted, so the answers never stand in a URL;
     * nothing is sent until she submits the form herself.
     */
    @PostMapping(path = {"/melden", "/report"}, params = "prefill")
    String prefilled(@ModelAttribute("report") ReportForm posted, HttpServletRequest request, Model model) {
        ReportForm form = freshForm();
        form.setForms(posted.getForms());
        form.setStarted(posted.getStarted());
        form.setMinor(posted.getMinor());
        form.setRelationship(posted.getRelationship());
        form.setPlatform(posted.getPlatform());
        return show(form, request.getServletPath(), model, Map.of());
    }

    @GetMapping({"/melden/ontvangen", "/report/received"})
    String confirmation(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("submitted", submissions.last(request.getSession(false)).orElse(null));
        return "intake/submitted";
    }

    private Object submit(ReportForm form, String path, HttpServletRequest request, HttpServletResponse response,
                          Model model, Locale locale) {
        String token = submissions.tokenOf(form);
        form.setSubmission(token);
        if (submissions.alreadySent(request.getSession(false), token)) {
            return confirmationOf(path);
        }
        if (form.getWebsite() != null && !form.getWebsite().isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("formError", "intake.form.error.not-sent");
            return show(form, path, model, Map.of());
        }
        Set<String> cleaned = CleanedFields.of(request);
        if (!cleaned.isEmpty()) {
            // The text was kept, minus the characters no field can hold: show it again to check.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            cleaned.forEach(field -> errors.put(field, support.message("intake.form.control-character", locale)));
            return show(form, path, model, errors);
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
        if (!limit.allowedFrom(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("formError", "intake.form.error.too-many");
            return show(form, path, model, Map.of());
        }
        String secret = Passphrases.next();
        Optional<Submitted> submitted = submitting.submitForm(outcome.report(), secret, secrets.hash(secret),
                OneTimeForms.hash(token));
        submitted.ifPresent(s -> submissions.remember(request.getSession(), token, s));
        return confirmationOf(path);
    }

    private static RedirectView confirmationOf(String formPath) {
        RedirectView redirect = new RedirectView(formPath.equals("/melden") ? "/melden/ontvangen" : "/report/received", true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }

    private ReportForm freshForm() {
        ReportForm form = new ReportForm();
        form.setSubmission(submissions.newToken());
        return form;
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
