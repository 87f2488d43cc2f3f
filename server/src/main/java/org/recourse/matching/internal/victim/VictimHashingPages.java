package org.recourse.matching.internal.victim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.recourse.matching.HashBanks;
import org.recourse.platform.SignedInReporter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public page where a person hashes her images on her own device ({@code /hashen},
 * {@code /hash-images}). The script computes PDQ and MD5 in the browser; only the hashes are posted,
 * for the case she is signed in to on her status page (case number and secret). Without a case she
 * is sent to report first; without JavaScript the page says hashing needs it and offers the form.
 */
@Controller
class VictimHashingPages {

    private final BankingVictimHashes banking;
    private final HashBanks banks;
    private final SignedInReporter reporter;

    VictimHashingPages(BankingVictimHashes banking, HashBanks banks, SignedInReporter reporter) {
        this.banking = banking;
        this.banks = banks;
        this.reporter = reporter;
    }

    @GetMapping({"/hashen", "/hash-images"})
    String page(HttpServletRequest request, Model model) {
        Optional<UUID> signedIn = reporter.caseId(request);
        Optional<UUID> caseId = signedIn.filter(id -> banks.caseRefusal(id).isEmpty());
        model.addAttribute("signedIn", caseId.isPresent());
        model.addAttribute("caseRefused", signedIn.isPresent() && caseId.isEmpty());
        model.addAttribute("banked", caseId.map(banks::activeEntries).orElse(0L));
        model.addAttribute("maxImages", BankingVictimHashes.MAX_IMAGES);
        return "matching/hashing";
    }

    @PostMapping({"/hashen", "/hash-images"})
    String submit(@RequestParam(name = "pdq", required = false) List<String> pdq,
                  @RequestParam(name = "md5", required = false) List<String> md5,
                  HttpServletRequest request, RedirectAttributes redirect) {
        Optional<UUID> caseId = reporter.caseId(request);
        if (caseId.isEmpty()) {
            redirect.addFlashAttribute("problem", "matching.hashing.error.not-signed-in");
            return "redirect:/hashen";
        }
        List<String> hashes = pdq == null ? List.of() : pdq;
        List<String> digests = md5 == null ? List.of() : md5;
        List<BankingVictimHashes.ImageHashes> images = new ArrayList<>();
        for (int i = 0; i < Math.max(hashes.size(), digests.size()); i++) {
            images.add(new BankingVictimHashes.ImageHashes(i < hashes.size() ? hashes.get(i) : null, i < digests.size() ? digests.get(i) : null));
        }
        if (!BankingVictimHashes.acceptableCount(images)) {
            redirect.addFlashAttribute("problem", images.isEmpty() ? "matching.hashing.error.none" : "matching.hashing.error.too-many");
            return "redirect:/hashen";
        }
        redirect.addFlashAttribute("outcome", banking.bank(caseId.get(), images));
        return "redirect:/hashen";
    }
}
