package org.recourse.intake.internal.status;

import org.recourse.intake.internal.updates.TellingReporters;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.intake.internal.cases.CaseRecord;
import org.recourse.intake.internal.cases.CaseRepository;
import org.recourse.intake.internal.cases.Limits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reporter's status page. Sign-in is a POST of case number and secret; afterwards the case is
 * remembered in the (database-backed) session, so no case data ever appears in a URL.
 */
@Controller
class StatusController {

    static final String SESSION_CASE = "intake.status.case";
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final SigningIn signingIn;
    private final ReporterCase reporterCase;
    private final CaseRepository cases;
    private final IntakeSettings settings;

    private final java.time.Clock clock;

    private final TellingReporters telling;
    private final List<org.recourse.platform.StatusPageSection> sections;

    StatusController(SigningIn signingIn, ReporterCase reporterCase, CaseRepository cases, IntakeSettings settings,
                     java.time.Clock clock, List<org.recourse.platform.StatusUpdates> updates, TellingReporters telling,
                     List<org.recourse.platform.StatusPageSection> sections) {
        this.telling = telling;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(org.recourse.platform.StatusPageSection::order)).toList();
        this.updates = updates;
        this.clock = clock;
        this.signingIn = signingIn;
        this.reporterCase = reporterCase;
        this.cases = cases;
        this.settings = settings;
    }

    record StatusLine(String status, String date) {
    }

    /** An update another module contributes, with its date as the page shows dates. */
    record UpdateLine(String messageKey, String argument, String date) {
    }

    private final List<org.recourse.platform.StatusUpdates> updates;

    @GetMapping("/status")
    String signInPage(HttpServletRequest request) {
        // No session is started just to show the sign-in form.
        HttpSession session = request.getSession(false);
        return session != null && signedInCase(session).isPresent() ? "redirect:/status/case" : "intake/status-sign-in";
    }

    @PostMapping("/status")
    String signIn(@RequestParam(defaultValue = "") String caseNumber, @RequestParam(defaultValue = "") String secret,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        SigningIn.Result result = signingIn.signIn(caseNumber, secret, request.getRemoteAddr());
        if (result instanceof SigningIn.SignedIn signedIn) {
            // A session starts here (signing in needs one); an existing one gets a new id.
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            request.getSession().setAttribute(SESSION_CASE, signedIn.caseId().toString());
            return "redirect:/status/case";
        }
        if (result instanceof SigningIn.Blocked blocked) {
            long seconds = Math.max(1, (java.time.Duration.between(clock.instant(), blocked.until()).toMillis() + 999) / 1000);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            model.addAttribute("signInError", seconds < 120 ? "intake.status.blocked.seconds" : "intake.status.blocked.minutes");
            model.addAttribute("waitFor", seconds < 120 ? seconds : (seconds + 59) / 60);
        } else {
            model.addAttribute("signInError", "intake.status.wrong");
        }
        model.addAttribute("caseNumber", caseNumber);
        return "intake/status-sign-in";
    }

    @GetMapping("/status/case")
    String show(HttpServletRequest sessionRequest, Model model, Locale locale, HttpServletResponse response) {
        HttpSession session = sessionRequest.getSession(false);
        Optional<CaseRecord> record = signedInCase(session).flatMap(cases::find);
        if (record.isEmpty()) {
            return "redirect:/status";
        }
        response.setHeader("Cache-Control", "no-store");
        CaseRecord c = record.get();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZONE);
        List<StatusLine> history = cases.history(c.id()).stream()
                .map(h -> new StatusLine(h.status().name(), dates.format(h.changedAt()))).toList();
        model.addAttribute("record", c);
        model.addAttribute("history", history);
        model.addAttribute("updates", updates.stream().flatMap(u -> u.forCase(c.id()).stream())
                .sorted(java.util.Comparator.comparing(org.recourse.platform.StatusUpdates.Update::at))
                .map(u -> new UpdateLine(u.messageKey(), u.argument(), dates.format(u.at()))).toList());
        model.addAttribute("open", c.status().isOpen());
        model.addAttribute("emailUpdates", telling.choice(c.id()).name());
        model.addAttribute("sections", sections.stream().flatMap(s -> s.content(c.id()).stream()).toList());
        model.addAttribute("additionsLeft", Math.max(0, settings.status().maxAdditions() - c.additions()));
        model.addAttribute("maxMaterialMb", settings.status().maxMaterialSize().toMegabytes());
        model.addAttribute("maxText", Limits.ADDITION);
        return "intake/status";
    }

    @PostMapping("/status/case/information")
    String addInformation(@RequestParam(defaultValue = "") String information, HttpServletRequest sessionRequest,
                          RedirectAttributes redirect) {
        HttpSession session = sessionRequest.getSession(false);
        Optional<UUID> caseId = signedInCase(session);
        if (caseId.isEmpty()) {
            return "redirect:/status";
        }
        if (information.isBlank()) {
            redirect.addFlashAttribute("informationError", "intake.status.information.empty");
        } else if (information.length() > Limits.ADDITION) {
            redirect.addFlashAttribute("informationError", "intake.status.information.too-long");
        } else {
            redirect.addFlashAttribute("message", outcomeMessage(reporterCase.addInformation(caseId.get(), information)));
        }
        return "redirect:/status/case";
    }

    @PostMapping("/status/case/material")
    String addMaterial(@RequestParam(required = false) MultipartFile material, HttpServletRequest sessionRequest,
                       RedirectAttributes redirect) throws IOException {
        HttpSession session = sessionRequest.getSession(false);
        Optional<UUID> caseId = signedInCase(session);
        if (caseId.isEmpty()) {
            return "redirect:/status";
        }
        if (material == null || material.isEmpty()) {
            redirect.addFlashAttribute("materialError", "intake.status.material.empty");
        } else if (material.getSize() > settings.status().maxMaterialSize().toBytes()) {
            redirect.addFlashAttribute("materialError", "intake.status.material.too-large");
        } else {
            ReporterCase.Outcome outcome = reporterCase.addMaterial(caseId.get(), material.getOriginalFilename(),
                    material.getContentType(), material.getSize(), material.getInputStream());
            redirect.addFlashAttribute("message", outcome == ReporterCase.Outcome.DONE
                    ? "intake.status.material.added" : outcomeMessage(outcome));
        }
        return "redirect:/status/case";
    }

    /** E-mails about news on or off; only offered when she left an address and agreed to be contacted. */
    @PostMapping("/status/case/updates")
    String emailUpdates(@RequestParam(defaultValue = "") String choice, HttpServletRequest sessionRequest, RedirectAttributes redirect) {
        Optional<UUID> caseId = signedInCase(sessionRequest.getSession(false));
        if (caseId.isEmpty()) {
            return "redirect:/status";
        }
        TellingReporters.Choice now = telling.choice(caseId.get());
        if (now != TellingReporters.Choice.NOT_POSSIBLE && choice.equals("stop")) {
            telling.stop(caseId.get());
            redirect.addFlashAttribute("message", "intake.updates.stopped");
        } else if (now != TellingReporters.Choice.NOT_POSSIBLE && choice.equals("resume")) {
            telling.resume(caseId.get());
            redirect.addFlashAttribute("message", "intake.updates.resumed");
        }
        return "redirect:/status/case";
    }

    @GetMapping("/status/case/withdraw")
    String confirmWithdrawal(HttpServletRequest sessionRequest) {
        HttpSession session = sessionRequest.getSession(false);
        return signedInCase(session).isPresent() ? "intake/status-withdraw" : "redirect:/status";
    }

    @PostMapping("/status/case/withdraw")
    String withdraw(HttpServletRequest sessionRequest, Model model) {
        HttpSession session = sessionRequest.getSession(false);
        Optional<UUID> caseId = signedInCase(session);
        if (caseId.isEmpty()) {
            return "redirect:/status";
        }
        reporterCase.withdraw(caseId.get());
        session.invalidate();
        return "intake/status-withdrawn";
    }

    @PostMapping("/status/sign-out")
    String signOut(HttpServletRequest sessionRequest) {
        HttpSession session = sessionRequest.getSession(false);
        if (session != null) {
            // Signing out leaves nothing of the visit on the server.
            session.invalidate();
        }
        return "redirect:/status";
    }

    private static String outcomeMessage(ReporterCase.Outcome outcome) {
        return switch (outcome) {
            case DONE -> "intake.status.information.added";
            case CLOSED -> "intake.status.closed";
            case LIMIT_REACHED -> "intake.status.limit";
        };
    }

    private static Optional<UUID> signedInCase(HttpSession session) {
        return SessionReporter.caseOf(session);
    }
}
