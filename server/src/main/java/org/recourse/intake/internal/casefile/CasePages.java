package org.recourse.intake.internal.casefile;

import java.util.Optional;

import org.recourse.intake.internal.cases.CaseNumbers;
import org.recourse.intake.internal.cases.LinkingCases;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one page of a case, by case number: every module's section and the whole timeline; and
 * linking the case to another one from its report section.
 */
@Controller
class CasePages {

    private final OpeningCaseFiles files;
    private final LinkingCases linking;

    CasePages(OpeningCaseFiles files, LinkingCases linking) {
        this.files = files;
        this.linking = linking;
    }

    @GetMapping("/staff/cases/{caseNumber}")
    String show(@PathVariable String caseNumber, Model model) {
        Optional<String> canonical = CaseNumbers.parse(caseNumber);
        if (canonical.isPresent() && !canonical.get().equals(caseNumber)) {
            return "redirect:/staff/cases/" + canonical.get();
        }
        CaseFile file = files.open(caseNumber, model.asMap())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("file", file);
        return "intake/case";
    }

    @PostMapping("/staff/cases/{caseNumber}/links")
    String link(@PathVariable String caseNumber, @RequestParam(defaultValue = "") String linkTo, RedirectAttributes redirect) {
        switch (linking.link(caseNumber, linkTo)) {
            case NO_SUCH_CASE -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case UNKNOWN_TARGET -> redirect.addFlashAttribute("linkError", "intake.staff.link.unknown");
            case LINKED -> redirect.addFlashAttribute("linkDone", "intake.staff.link.done");
        }
        return "redirect:/staff/cases/" + caseNumber + "#" + ReportSection.ANCHOR;
    }
}
