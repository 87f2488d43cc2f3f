package org.recourse.matching.internal.reupload;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.http.HttpStatus;

/** Analysts review possible re-uploads: both images side by side, blurred until revealed. */
@Controller
class FindingPages {

    private final ReviewingFindings reviewing;

    FindingPages(ReviewingFindings reviewing) {
        this.reviewing = reviewing;
    }

    @GetMapping("/staff/matching/findings")
    String list(Model model) {
        model.addAttribute("findings", reviewing.open());
        return "matching/findings";
    }

    @GetMapping("/staff/matching/findings/{id}")
    String show(@PathVariable UUID id, Model model) {
        return page(id, false, model);
    }

    @PostMapping("/staff/matching/findings/{id}/reveal")
    String reveal(@PathVariable UUID id, Model model) {
        return page(id, true, model);
    }

    private String page(UUID id, boolean revealed, Model model) {
        model.addAttribute("view", reviewing.show(id, revealed)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("revealed", revealed);
        return "matching/finding";
    }

    @PostMapping("/staff/matching/findings/{id}/confirm")
    String confirm(@PathVariable UUID id, Authentication user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", reviewing.confirm(id, user.getName())
                ? "matching.finding.confirmed" : "matching.finding.already-decided");
        return "redirect:/staff/matching/findings";
    }

    @PostMapping("/staff/matching/findings/{id}/dismiss")
    String dismiss(@PathVariable UUID id, Authentication user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", reviewing.dismiss(id, user.getName())
                ? "matching.finding.dismissed" : "matching.finding.already-decided");
        return "redirect:/staff/matching/findings";
    }
}
