package org.recourse.assessment.internal.referrals;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.recourse.accounts.StaffMembers;
import org.recourse.directory.Organisation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The liaison portal's referrals: a help organisation's contact reads the referrals to it and answers them. */
@Controller
@RequestMapping("/liaison/referrals")
class LiaisonReferralPages {

    private final HandOffsForLiaisons referrals;
    private final StaffMembers staff;

    LiaisonReferralPages(HandOffsForLiaisons referrals, StaffMembers staff) {
        this.referrals = referrals;
        this.staff = staff;
    }

    @GetMapping
    String list(Model model) {
        java.util.Optional<Organisation> organisation = staff.current().flatMap(m -> referrals.organisation(m.organisation()));
        model.addAttribute("organisation", organisation.orElse(null));
        model.addAttribute("referrals", organisation.map(referrals::addressedTo).orElse(List.of()));
        return "assessment/liaison-referrals";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("opened", referrals.open(id, organisation()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("answers", List.of(HandOffStatus.ACCEPTED, HandOffStatus.CONTACT_MADE, HandOffStatus.DECLINED));
        return "assessment/liaison-referral";
    }

    @PostMapping("/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome, Principal user, RedirectAttributes redirect) {
        Organisation organisation = organisation();
        java.util.Optional<HandOffStatus> chosen = HandOffPages.parse(HandOffStatus.class, outcome);
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("answerError", "assessment.handoff.outcome.unknown");
            return "redirect:/liaison/referrals/" + id;
        }
        HandOffStatus answer = chosen.get();
        if (referrals.answer(id, organisation, answer, user.getName())) {
            redirect.addFlashAttribute("answerDone", "assessment.handoff.outcome.recorded");
        } else {
            redirect.addFlashAttribute("answerError", "assessment.handoff.outcome.not-open");
        }
        return "redirect:/liaison/referrals/" + id;
    }

    private Organisation organisation() {
        return staff.current().flatMap(m -> referrals.organisation(m.organisation()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
