package org.recourse.intake.internal.staff;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.recourse.intake.Channel;
import org.recourse.intake.internal.cases.CaseNumbers;
import org.recourse.intake.internal.cases.CaseRecord;
import org.recourse.intake.internal.cases.CaseRepository;
import org.recourse.intake.internal.cases.FieldError;
import org.recourse.intake.internal.cases.NewReport;
import org.recourse.intake.internal.cases.ReportValidation;
import org.recourse.intake.internal.cases.Submitted;
import org.recourse.intake.internal.form.FormSupport;
import org.recourse.intake.internal.form.ReportForm;
import org.recourse.platform.CaseRefs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff intake: recording a report received by phone, chat or e-mail in the same structure as the
 * public form, optionally linked to an existing case.
 */
@Controller
class StaffIntakeController {

    static final List<String> STAFF_CHANNELS = List.of("phone", "chat", "email");

    private final FormSupport support;
    private final RecordingStaffReports recording;
    private final CaseRepository cases;
    private final CaseRefs refs;

    StaffIntakeController(FormSupport support, RecordingStaffReports recording, CaseRepository cases, CaseRefs refs) {
        this.support = support;
        this.recording = recording;
        this.cases = cases;
        this.refs = refs;
    }

    @GetMapping("/staff/intake/new")
    String newReport(Model model) {
        return showForm(new ReportForm(), null, null, model, Map.of());
    }

    @PostMapping("/staff/intake/new")
    String record(@ModelAttribute("report") ReportForm form, @RequestParam(defaultValue = "") String channel,
                  @RequestParam(defaultValue = "") String linkTo, Authentication user, Model model, Locale locale,
                  HttpServletResponse response) {
        var outcome = ReportValidation.validate(
                form.toReport(STAFF_CHANNELS.contains(channel) ? Channel.fromCode(channel) : Channel.PHONE,
                        new NewReport.Origin(null, null, null, user.getName())), support::activeForm);
        Map<String, String> errors = new java.util.LinkedHashMap<>(support.messages(form, outcome.errors(), locale));
        if (!STAFF_CHANNELS.contains(channel)) {
            errors.put("channel", support.message("intake.error.choice", locale));
        }
        Optional<CaseRecord> linked = Optional.empty();
        if (!linkTo.isBlank()) {
            linked = CaseNumbers.parse(linkTo).flatMap(cases::findByNumber);
            if (linked.isEmpty()) {
                errors.put("linkTo", support.message("intake.staff.link.unknown", locale));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return showForm(form, channel, linkTo, model, errors);
        }
        Submitted submitted = recording.record(outcome.report(), linked);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("submitted", submitted);
        return "intake/staff-recorded";
    }

    /** The case had a page here before it had one page; that page is now addressed by case number. */
    @GetMapping("/staff/intake/cases/{id}")
    ResponseEntity<Void> show(@PathVariable UUID id) {
        return refs.byId(id).map(ref -> ref.movedHere(null))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String showForm(ReportForm form, String channel, String linkTo, Model model, Map<String, String> errors) {
        support.addChoices(model);
        model.addAttribute("report", form);
        model.addAttribute("errors", errors);
        model.addAttribute("channels", STAFF_CHANNELS);
        model.addAttribute("channel", channel);
        model.addAttribute("linkTo", linkTo);
        return "intake/staff-new";
    }
}
