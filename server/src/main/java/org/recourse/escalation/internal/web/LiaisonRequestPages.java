package org.recourse.escalation.internal.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

import org.recourse.accounts.StaffMembers;
import org.recourse.audit.AuditActor;
import org.recourse.directory.Organisation;
import org.recourse.escalation.RequestState;
import org.recourse.escalation.internal.requests.AnsweringAsLiaison;
import org.recourse.escalation.internal.requests.RequestRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The liaison portal for enforcement requests: a regulator's or the police's contact sees the
 * requests filed with their organisation, reads the letter and downloads the dossier, and answers.
 */
@Controller
@RequestMapping("/liaison/escalation")
class LiaisonRequestPages {

    private final AnsweringAsLiaison answering;
    private final StaffMembers staff;
    private final DossierDownloads downloads;

    LiaisonRequestPages(AnsweringAsLiaison answering, StaffMembers staff, DossierDownloads downloads) {
        this.downloads = downloads;
        this.answering = answering;
        this.staff = staff;
    }

    @GetMapping
    String list(Model model) {
        java.util.Optional<Organisation> organisation = staff.current().flatMap(answering::organisationOf);
        model.addAttribute("organisation", organisation.orElse(null));
        model.addAttribute("requests", organisation.map(answering::addressedTo).orElse(List.of()));
        return "escalation/liaison-requests";
    }

    @GetMapping("/{reference}")
    String show(@PathVariable String reference, Principal user, Model model) {
        Organisation organisation = organisation();
        model.addAttribute("details", AuditActor.supplyAs(user.getName(), () -> answering.open(reference, organisation))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("outcomes", List.of(RequestState.ACKNOWLEDGED, RequestState.UNDER_INVESTIGATION, RequestState.DECIDED,
                RequestState.REJECTED));
        return "escalation/liaison-request";
    }

    @GetMapping("/{reference}/dossier")
    ResponseEntity<StreamingResponseBody> dossier(@PathVariable String reference, Principal user, HttpServletRequest request,
                                                  HttpServletResponse response) {
        if (!answering.addressedTo(organisation(), reference)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return downloads.download(reference, user.getName(), "/liaison/escalation/" + reference, request, response);
    }

    @PostMapping("/{reference}/answer")
    String answer(@PathVariable String reference, @RequestParam(defaultValue = "") String state,
                  @RequestParam(defaultValue = "") String authorityReference, @RequestParam(defaultValue = "") String note,
                  Principal user, RedirectAttributes redirect) {
        Organisation organisation = organisation();
        if (authorityReference.length() > RequestPages.MAX_REFERENCE || note.length() > RequestPages.MAX_NOTE) {
            redirect.addFlashAttribute("requestError", "escalation.request.too-long");
            return "redirect:/liaison/escalation/" + reference;
        }
        try {
            RequestState answered = RequestPages.outcomeState(state);
            boolean ours = AuditActor.supplyAs(user.getName(), () -> answering.answer(reference, organisation, answered,
                    authorityReference.strip(), note.isBlank() ? null : note.strip()));
            if (!ours) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("requestNotice", "escalation.liaison.answered");
        } catch (RequestRefused refused) {
            redirect.addFlashAttribute("requestError", refused.messageKey());
        }
        return "redirect:/liaison/escalation/" + reference;
    }

    private Organisation organisation() {
        return staff.current().flatMap(answering::organisationOf)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
