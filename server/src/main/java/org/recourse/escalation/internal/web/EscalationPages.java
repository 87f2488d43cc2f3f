package org.recourse.escalation.internal.web;

import java.util.UUID;

import org.recourse.escalation.internal.candidates.DisputingRefusals;
import org.recourse.escalation.internal.candidates.EscalationOverview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The escalation candidates with their reasons and proposed authorities, and refusals to dispute. */
@Controller
@RequestMapping("/staff/escalation")
class EscalationPages {

    private final EscalationOverview overview;
    private final DisputingRefusals refusals;

    EscalationPages(EscalationOverview overview, DisputingRefusals refusals) {
        this.overview = overview;
        this.refusals = refusals;
    }

    @GetMapping
    String candidates(Model model) {
        EscalationOverview.Overview shown = overview.show();
        model.addAttribute("candidates", shown.candidates());
        model.addAttribute("refusals", shown.refusals());
        model.addAttribute("draftable", shown.draftable());
        return "escalation/candidates";
    }

    @PostMapping("/refusals/{id}/dispute")
    String dispute(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("disputeError", id);
            return "redirect:/staff/escalation#refusal-" + id;
        }
        if (!refusals.dispute(id, reason)) {
            redirect.addFlashAttribute("disputeGone", id);
        }
        return "redirect:/staff/escalation#refusals";
    }
}
