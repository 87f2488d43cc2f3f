package org.recourse.matching.internal.victim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.recourse.intake.CasesFromHashes;
import org.recourse.intake.ReporterType;
import org.recourse.matching.HashBanks;
import org.recourse.platform.CleanedFields;
import org.recourse.platform.OneTimeForms;
import org.recourse.platform.SignedInReporter;
import org.recourse.taxonomy.ViolenceForm;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public page where a person hashes her images on her own device ({@code /hashen} in Dutch,
 * {@code /hash-images} in English; the language switch overrides either). The script computes PDQ
 * and MD5 in the browser; only the hashes are posted. Signed in on her status page, she keeps them
 * with that case. Without a case she can start one with only the hashes and a few answers
 * ({@code /hashen/nieuw}, {@code /hash-images/new}): post/redirect/get with the platform's
 * one-time form token, so the confirmation ({@code /hashen/ontvangen}, {@code /hash-images/received})
 * shows the case number and secret once, and a reload or double submit never starts a second case
 * or banks twice. Without JavaScript the page says hashing needs it and offers the report form.
 */
@Controller
class VictimHashingPages {

    static final String FORM = "hashing";
    private static final String DUTCH = "/hashen";
    private static final String ENGLISH = "/hash-images";

    private final BankingVictimHashes banking;
    private final StartingCaseFromHashes starting;
    private final CasesFromHashes cases;
    private final HashBanks banks;
    private final SignedInReporter reporter;
    private final OneTimeForms forms;
    private final MessageSource messages;
    private final LocaleResolver locales;

    VictimHashingPages(BankingVictimHashes banking, StartingCaseFromHashes starting, CasesFromHashes cases, HashBanks banks,
                       SignedInReporter reporter, OneTimeForms forms, MessageSource messages, LocaleResolver locales) {
        this.banking = banking;
        this.starting = starting;
        this.cases = cases;
        this.banks = banks;
        this.reporter = reporter;
        this.forms = forms;
        this.messages = messages;
        this.locales = locales;
    }

    @GetMapping({DUTCH, ENGLISH})
    String page(@RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        if (lang == null) {
            locales.setLocale(request, response, request.getServletPath().equals(ENGLISH) ? Locale.ENGLISH : Locale.forLanguageTag("nl"));
        }
        NewCaseForm form = new NewCaseForm();
        form.setSubmission(forms.newToken());
        return show(request, model, form, Map.of());
    }

    @PostMapping({DUTCH, ENGLISH})
    String submit(@RequestParam(name = "pdq", required = false) List<String> pdq,
                  @RequestParam(name = "md5", required = false) List<String> md5,
                  HttpServletRequest request, RedirectAttributes redirect) {
        String page = pageOf(request);
        Optional<UUID> caseId = reporter.caseId(request);
        if (caseId.isEmpty()) {
            redirect.addFlashAttribute("problem", "matching.hashing.error.not-signed-in");
            return "redirect:" + page;
        }
        NewCaseForm posted = new NewCaseForm();
        posted.setPdq(pdq);
        posted.setMd5(md5);
        List<BankingVictimHashes.ImageHashes> images = posted.images();
        if (!BankingVictimHashes.acceptableCount(images)) {
            redirect.addFlashAttribute("problem", images.isEmpty() ? "matching.hashing.error.none" : "matching.hashing.error.too-many");
            return "redirect:" + page;
        }
        redirect.addFlashAttribute("outcome", banking.bank(caseId.get(), images));
        return "redirect:" + page;
    }

    /**
     * A new case from the hashes: every refusal shows the page again in her language with what to
     * change and the answers she gave, and stores nothing.
     */
    @PostMapping({DUTCH + "/nieuw", ENGLISH + "/new"})
    Object startCase(@ModelAttribute("newCase") NewCaseForm form, HttpServletRequest request,
                     HttpServletResponse response, Model model, Locale locale) {
        String token = form.getSubmission();
        if (!OneTimeForms.wellFormed(token)) {
            // An old or forged page: nothing was sent; the answers and hashes stand, with a fresh token.
            form.setSubmission(forms.newToken());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("formError", "matching.hashing.new.error.expired");
            return show(request, model, form, Map.of());
        }
        if (forms.alreadySent(request.getSession(false), FORM, token)) {
            return confirmationOf(request);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> cleaned = CleanedFields.of(request);
        if (cleaned.contains("pdq") || cleaned.contains("md5")) {
            errors.put("hashes", messages.getMessage("matching.hashing.new.error.unreadable", null, locale));
        }
        cleaned.stream().filter(f -> !f.equals("pdq") && !f.equals("md5"))
                .forEach(field -> errors.put(field, messages.getMessage("intake.form.control-character", null, locale)));
        List<BankingVictimHashes.ImageHashes> images = form.images();
        int malformed = BankingVictimHashes.malformed(images);
        if (!errors.containsKey("hashes")) {
            if (!BankingVictimHashes.acceptableCount(images)) {
                errors.put("hashes", messages.getMessage(images.isEmpty() ? "matching.hashing.error.none"
                        : "matching.hashing.error.too-many", new Object[] {BankingVictimHashes.MAX_IMAGES}, locale));
            } else if (malformed > 0) {
                errors.put("hashes", messages.getMessage("matching.hashing.new.error.invalid", new Object[] {malformed}, locale));
            }
        }
        CasesFromHashes.Answers answers = form.answers();
        for (CasesFromHashes.Problem problem : cases.check(answers)) {
            errors.merge(problem.field(), messages.getMessage(problem.messageKey(), problem.arguments().toArray(), locale),
                    (a, b) -> a + " " + b);
        }
        if (errors.containsKey("hashes")) {
            form.dropHashes();
        }
        if (!errors.isEmpty()) {
            response.setStatus(cleaned.isEmpty() ? 422 : HttpServletResponse.SC_BAD_REQUEST);
            return show(request, model, form, errors);
        }
        if (answers.childAbuseRoute()) {
            // Nothing of a minor is banked: the report form's child-abuse route is hers.
            form.dropHashes();
            response.setStatus(422);
            model.addAttribute("childRoute", true);
            return show(request, model, form, Map.of());
        }
        if (!cases.allowedFrom(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("formError", "intake.form.error.too-many");
            return show(request, model, form, Map.of());
        }
        CasesFromHashes.Credentials credentials = cases.newCredentials();
        starting.start(answers, credentials, OneTimeForms.hash(token), images).ifPresent(started ->
                forms.remember(request.getSession(), FORM, token, started.started().secret(),
                        new StartingCaseFromHashes.Shown(started.started().caseNumber(), started.outcome())));
        return confirmationOf(request);
    }

    @GetMapping({DUTCH + "/ontvangen", ENGLISH + "/received"})
    String confirmation(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("receipt", forms.last(request.getSession(false), FORM, StartingCaseFromHashes.Shown.class).orElse(null));
        model.addAttribute("page", pageOf(request));
        return "matching/hashing-received";
    }

    private String show(HttpServletRequest request, Model model, NewCaseForm form, Map<String, String> errors) {
        Optional<UUID> signedIn = reporter.caseId(request);
        Optional<UUID> caseId = signedIn.filter(id -> banks.caseRefusal(id).isEmpty());
        String page = pageOf(request);
        model.addAttribute("page", page);
        model.addAttribute("signedIn", caseId.isPresent());
        model.addAttribute("caseRefused", signedIn.isPresent() && caseId.isEmpty());
        model.addAttribute("banked", caseId.map(banks::activeEntries).orElse(0L));
        model.addAttribute("maxImages", BankingVictimHashes.MAX_IMAGES);
        model.addAttribute("newCase", form);
        model.addAttribute("newCaseAction", page.equals(ENGLISH) ? ENGLISH + "/new" : DUTCH + "/nieuw");
        model.addAttribute("keptImages", form.images().size());
        List<ViolenceForm> imageForms = cases.imageForms();
        model.addAttribute("imageForms", imageForms);
        model.addAttribute("reporterTypes", CasesFromHashes.REPORTER_TYPES.stream().map(ReporterType::code).toList());
        model.addAttribute("yesNoUnsure", List.of("yes", "no", "unsure"));
        model.addAttribute("errors", errors);
        model.addAttribute("anchors", Map.of("hashes", "images", "reporterType", "reporterType-self", "minor", "minor-yes",
                "forms", imageForms.isEmpty() ? "main" : "form-" + imageForms.getFirst().code()));
        model.addAttribute("fieldLabels", FIELD_LABELS);
        return "matching/hashing";
    }

    /** The label (message key) of each field, so the error summary names the field it points to. */
    private static final Map<String, String> FIELD_LABELS = Map.of("hashes", "matching.hashing.pick",
            "reporterType", "intake.form.reporter-type", "forms", "matching.hashing.new.forms",
            "minor", "intake.form.minor", "contactEmail", "intake.form.contact-email",
            "contactPhone", "intake.form.contact-phone", "contactConsent", "intake.form.contact-consent");

    /** The page in the language of the path she used. */
    private static String pageOf(HttpServletRequest request) {
        return request.getServletPath().startsWith(ENGLISH) ? ENGLISH : DUTCH;
    }

    private static RedirectView confirmationOf(HttpServletRequest request) {
        RedirectView redirect = new RedirectView(pageOf(request).equals(ENGLISH) ? ENGLISH + "/received" : DUTCH + "/ontvangen", true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }
}
