package org.recourse.referral.internal.safety;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseRefs;
import org.recourse.platform.SignedInReporter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The checklist's forms: an analyst on the case page, the victim on her status page; and the summary's export. */
@Controller
class SafetyCheckPages {

    private final CheckingSafety checking;
    private final DigitalRiskSummaries summaries;
    private final CaseRefs refs;
    private final SignedInReporter reporter;

    SafetyCheckPages(CheckingSafety checking, DigitalRiskSummaries summaries, CaseRefs refs, SignedInReporter reporter) {
        this.checking = checking;
        this.summaries = summaries;
        this.refs = refs;
        this.reporter = reporter;
    }

    @PostMapping("/staff/cases/{caseNumber}/safety-checks")
    String check(@PathVariable String caseNumber, @RequestParam Map<String, String> fields, Principal user, RedirectAttributes redirect) {
        CaseRef ref = refs.byNumber(caseNumber).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        keep(checking.record(ref.id(), new CheckingSafety.Submission(fields), user.getName(), false), redirect, "safetyDone");
        return "redirect:" + ref.href(DigitalSafetySection.ANCHOR);
    }

    @PostMapping("/status/case/safety-check")
    String checkAsReporter(@RequestParam Map<String, String> fields, HttpServletRequest request, RedirectAttributes redirect) {
        Optional<UUID> caseId = reporter.caseId(request);
        if (caseId.isEmpty()) {
            return "redirect:/status";
        }
        keep(checking.record(caseId.get(), new CheckingSafety.Submission(fields), "reporter", true), redirect, "message");
        return "redirect:/status/case#" + SafetyCheckForReporter.ANCHOR;
    }

    @PostMapping("/staff/cases/{caseNumber}/digital-risk-summary")
    ResponseEntity<byte[]> export(@PathVariable String caseNumber, @RequestParam(defaultValue = "json") String format,
                                  @RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String consentHow,
                                  Principal user, Locale locale, RedirectAttributes redirect) {
        CaseRef ref = refs.byNumber(caseNumber).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        DigitalRiskSummaries.Format chosen = "pdf".equalsIgnoreCase(format) ? DigitalRiskSummaries.Format.PDF : DigitalRiskSummaries.Format.JSON;
        DigitalRiskSummaries.Result result = summaries.export(ref.id(), chosen, organisation, consentHow, user.getName(), locale);
        if (result instanceof DigitalRiskSummaries.Exported exported) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(exported.contentType()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(exported.filename()).build().toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(exported.bytes());
        }
        redirect.addFlashAttribute("exportError", ((DigitalRiskSummaries.Refused) result).reason());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, ref.href(DigitalSafetySection.ANCHOR)).build();
    }

    private static void keep(CheckingSafety.Result result, RedirectAttributes redirect, String doneAttribute) {
        if (result instanceof CheckingSafety.Refused refused) {
            redirect.addFlashAttribute("safetyErrors", new java.util.LinkedHashMap<>(refused.errors()));
        } else {
            redirect.addFlashAttribute(doneAttribute, "referral.safety.check.recorded");
        }
    }
}
