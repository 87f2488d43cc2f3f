package org.recourse.matching.internal.analyst;

import java.util.UUID;

import org.recourse.matching.HashBanks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A case's captured images, each with a button to bank it (analysts, coordinators). */
@Controller
class BankingPages {

    private final BankingEvidence banking;

    BankingPages(BankingEvidence banking) {
        this.banking = banking;
    }

    @GetMapping("/staff/matching/cases/{caseNumber}")
    String images(@PathVariable String caseNumber, Model model) {
        model.addAttribute("view", banking.images(caseNumber).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "matching/case-images";
    }

    @PostMapping("/staff/matching/cases/{caseNumber}/bank")
    String bank(@PathVariable String caseNumber, @RequestParam(required = false) UUID evidence, RedirectAttributes redirect) {
        var view = banking.images(caseNumber).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (evidence == null || view.images().stream().noneMatch(i -> i.evidenceId().equals(evidence))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var refused = banking.bank(view.kase().id(), evidence);
        redirect.addFlashAttribute("message", refused.map(BankingPages::key).orElse("matching.banking.banked.done"));
        redirect.addFlashAttribute("refused", refused.isPresent());
        return "redirect:/staff/matching/cases/" + view.kase().caseNumber();
    }

    private static String key(HashBanks.RefusalReason reason) {
        return "matching.banking.refused." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
