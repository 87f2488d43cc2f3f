package org.recourse.assessment.internal.assessing;

import java.security.Principal;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Decisions waiting for a second person, with their case and address, and confirming or rejecting one. */
@Controller
class DecisionPages {

    private final DecisionsToConfirm toConfirm;
    private final AssessingItem assessing;

    DecisionPages(DecisionsToConfirm toConfirm, AssessingItem assessing) {
        this.toConfirm = toConfirm;
        this.assessing = assessing;
    }

    @GetMapping("/staff/decisions")
    String pending(Principal user, Model model) {
        DecisionsToConfirm.Pending pending = toConfirm.list();
        model.addAttribute("decisions", pending.decisions());
        model.addAttribute("entries", pending.entries());
        model.addAttribute("me", user.getName());
        return "assessment/decisions";
    }

    @PostMapping("/staff/decisions/{decisionId}/confirm")
    String confirm(@PathVariable UUID decisionId, Principal user, RedirectAttributes redirect) {
        try {
            assessing.confirm(decisionId, user.getName());
            redirect.addFlashAttribute("done", "assessment.decisions.confirmed");
        } catch (AssessingItem.Refused refused) {
            redirect.addFlashAttribute("refused", refused.reason());
        }
        return "redirect:/staff/decisions";
    }

    @PostMapping("/staff/decisions/{decisionId}/reject")
    String reject(@PathVariable UUID decisionId, @RequestParam(defaultValue = "") String reason, Principal user,
                  RedirectAttributes redirect) {
        try {
            assessing.reject(decisionId, user.getName(), reason);
            redirect.addFlashAttribute("done", "assessment.decisions.rejected");
        } catch (AssessingItem.Refused refused) {
            redirect.addFlashAttribute("refused", refused.reason());
        } catch (AssessingItem.Invalid invalid) {
            redirect.addFlashAttribute("reasonError", decisionId.toString());
        }
        return "redirect:/staff/decisions";
    }
}
