package org.recourse.assessment.internal.referrals;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.recourse.platform.SignedInReporter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reporter withdraws her consent to referrals from her status page. */
@Controller
class HandOffReporterPages {

    private final HandingOff handingOff;
    private final SignedInReporter reporter;

    HandOffReporterPages(HandingOff handingOff, SignedInReporter reporter) {
        this.handingOff = handingOff;
        this.reporter = reporter;
    }

    @PostMapping("/status/case/referrals/withdraw-consent")
    String withdraw(HttpServletRequest request, RedirectAttributes redirect) {
        Optional<UUID> caseId = reporter.caseId(request);
        if (caseId.isEmpty()) {
            return "redirect:/status";
        }
        handingOff.withdrawConsent(caseId.get(), "status-page");
        redirect.addFlashAttribute("message", "assessment.handoff.reporter.withdrawn");
        return "redirect:/status/case#referrals";
    }
}
