package org.recourse.referral.internal.orders;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseRefs;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The safety section's forms: record a protection order, record the check-in at its end, mark a possible breach as dealt with. */
@Controller
class OrderPages {

    private final RecordingOrders recording;
    private final CaseRefs refs;

    OrderPages(RecordingOrders recording, CaseRefs refs) {
        this.recording = recording;
        this.refs = refs;
    }

    @PostMapping("/staff/cases/{caseNumber}/protection-orders")
    String record(@PathVariable String caseNumber, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String issuedBy, @RequestParam(defaultValue = "") String startsOn,
                  @RequestParam(defaultValue = "") String endsOn, @RequestParam(defaultValue = "") String names,
                  @RequestParam(defaultValue = "") String accounts, Principal user, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletRequest request) {
        CaseRef ref = refs.byNumber(caseNumber).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        RecordingOrders.Form form = new RecordingOrders.Form(kind, issuedBy, startsOn, endsOn, names, accounts);
        Map<String, String> errors = recording.record(ref.id(), form, org.recourse.platform.CleanedFields.of(request), user.getName());
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("orderDone", "referral.order.recorded");
        } else {
            redirect.addFlashAttribute("orderErrors", errors);
            redirect.addFlashAttribute("orderForm", form);
        }
        return "redirect:" + ref.href(SafetySection.ANCHOR);
    }

    @PostMapping("/staff/protection-orders/{id}/check-in")
    String checkIn(@PathVariable UUID id, @RequestParam(defaultValue = "") String caseNumber, Principal user, RedirectAttributes redirect) {
        CaseRef ref = refs.byNumber(caseNumber).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("orderDone", recording.checkIn(id, user.getName()) ? "referral.order.checked-in" : "referral.order.already");
        return "redirect:" + ref.href(SafetySection.ANCHOR);
    }

    @PostMapping("/staff/protection-order-breaches/{id}/handled")
    String handled(@PathVariable UUID id, @RequestParam(defaultValue = "") String caseNumber, Principal user, RedirectAttributes redirect) {
        CaseRef ref = refs.byNumber(caseNumber).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("orderDone", recording.breachHandled(id, user.getName()) ? "referral.order.breach-handled" : "referral.order.already");
        return "redirect:" + ref.href(SafetySection.ANCHOR);
    }
}
