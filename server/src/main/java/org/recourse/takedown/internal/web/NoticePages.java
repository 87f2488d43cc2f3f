package org.recourse.takedown.internal.web;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.platform.CaseRef;
import org.recourse.takedown.internal.notices.SendingEarly;
import org.recourse.takedown.internal.outbox.ResendingNotices;
import org.recourse.takedown.internal.outbox.SendingNotices;
import org.recourse.takedown.internal.responses.RecordingResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Notices for analysts: the list with each notice's clock, one notice with its text, items and
 * responses (and forms to record a response or a web-form submission) and the overdue list. (A
 * case's notice-and-action timeline is on the case's one page.)
 */
@Controller
@RequestMapping("/staff/takedown")
class NoticePages {

    private static final int MAX_TEXT = 10_000;

    private final NoticeClock clock;
    private final RecordingResponses responses;
    private final SendingNotices sending;
    private final NoticeDetails notices;
    private final ResendingNotices resending;
    private final SendingEarly early;
    private final Clock time;
    private final Cases cases;

    NoticePages(NoticeClock clock, RecordingResponses responses, SendingNotices sending, NoticeDetails notices,
                ResendingNotices resending, SendingEarly early, Clock time, Cases cases) {
        this.cases = cases;
        this.clock = clock;
        this.responses = responses;
        this.sending = sending;
        this.notices = notices;
        this.resending = resending;
        this.early = early;
        this.time = time;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("notices", clock.recent(200));
        model.addAttribute("recipients", clock.perRecipient());
        model.addAttribute("overdueCount", clock.overdue().size());
        return "takedown/overview";
    }

    @GetMapping("/overdue")
    String overdue(Model model) {
        model.addAttribute("overdue", clock.overdue());
        return "takedown/overdue";
    }

    @GetMapping("/notices/{id}")
    String notice(@PathVariable UUID id, Model model) {
        NoticeDetails.Details details = notices.notice(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("notice", details.notice());
        model.addAttribute("text", details.text());
        model.addAttribute("items", details.items());
        model.addAttribute("responses", details.responses());
        model.addAttribute("delivery", details.delivery().orElse(null));
        model.addAttribute("decisions", List.of("removed", "restricted", "refused", "other"));
        return "takedown/notice";
    }

    /** Resend a notice that failed, or send one waiting for its next retry now. */
    @PostMapping("/notices/{id}/resend")
    String resend(@PathVariable UUID id, RedirectAttributes redirect) {
        clock.notice(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ResendingNotices.Outcome outcome = resending.resend(id);
        redirect.addFlashAttribute(outcome == ResendingNotices.Outcome.RESENT ? "done" : "error",
                "takedown.resend." + outcome.name().toLowerCase(java.util.Locale.ROOT));
        return "redirect:/staff/takedown/notices/" + id;
    }

    /** Send a waiting item's notice now instead of at the end of the grouping delay. */
    @PostMapping("/items/{id}/send-now")
    String sendNow(@PathVariable UUID id, RedirectAttributes redirect) {
        SendingEarly.Result result = early.sendNow(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (result.notice().isPresent()) {
            redirect.addFlashAttribute("done", "takedown.send-now.done");
            return "redirect:/staff/takedown/notices/" + result.notice().get();
        }
        redirect.addFlashAttribute(TakedownSection.ERROR, "takedown.send-now.not-waiting");
        return "redirect:" + caseRef(result.caseId()).href(TakedownSection.ANCHOR);
    }

    @PostMapping("/notices/{id}/responses")
    String recordResponse(@PathVariable UUID id, @RequestParam String kind, @RequestParam(defaultValue = "") String decision,
                          @RequestParam(defaultValue = "") String reasons, Principal principal, RedirectAttributes redirect) {
        clock.notice(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!RecordingResponses.KINDS.contains(kind) || ("decision".equals(kind) && !RecordingResponses.DECISIONS.contains(decision))
                || reasons.length() > MAX_TEXT) {
            redirect.addFlashAttribute("error", "takedown.response.invalid");
            return "redirect:/staff/takedown/notices/" + id + "#record";
        }
        responses.record(id, new RecordingResponses.Response(kind, "decision".equals(kind) ? decision : null,
                reasons.isBlank() ? null : reasons.strip(), "analyst", null, time.instant(), principal.getName()));
        redirect.addFlashAttribute("done", "takedown.response.recorded");
        return "redirect:/staff/takedown/notices/" + id;
    }

    /** The manual channel: the analyst filled in the platform's web form and records its reference. */
    @PostMapping("/notices/{id}/submitted")
    String recordSubmission(@PathVariable UUID id, @RequestParam(defaultValue = "") String reference, Principal principal,
                            RedirectAttributes redirect) {
        clock.notice(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String value = reference.strip();
        if (value.isEmpty() || value.length() > 200) {
            redirect.addFlashAttribute("error", "takedown.manual.invalid");
            return "redirect:/staff/takedown/notices/" + id + "#submitted";
        }
        if (!sending.recordWebFormSubmission(id, value, principal.getName())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("done", "takedown.manual.recorded");
        return "redirect:/staff/takedown/notices/" + id;
    }

    /** A case's notice-and-action timeline had a page here before the case had one page. */
    @GetMapping("/cases/{caseId}")
    ResponseEntity<Void> caseTimeline(@PathVariable UUID caseId) {
        return caseRef(caseId).movedHere(TakedownSection.ANCHOR);
    }

    private CaseRef caseRef(UUID caseId) {
        CaseView view = cases.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new CaseRef(view.id(), view.caseNumber());
    }
}
