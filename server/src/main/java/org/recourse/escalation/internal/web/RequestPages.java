package org.recourse.escalation.internal.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.recourse.escalation.RequestState;
import org.recourse.escalation.internal.requests.DraftingRequests;
import org.recourse.escalation.internal.requests.FilingRequests;
import org.recourse.escalation.internal.requests.RequestRefused;
import org.recourse.escalation.internal.requests.ShowingRequests;
import org.recourse.escalation.internal.requests.TrackingRequests;
import org.recourse.audit.AuditActor;
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
 * Enforcement requests: drafted from the candidates, approved by a second person, filed by e-mail
 * through the outbox or recorded as filed through the authority's web form, then moved on by what
 * the authority says. A refused step comes back with its reason in the reader's language.
 */
@Controller
@RequestMapping("/staff/escalation/requests")
class RequestPages {

    static final int MAX_REFERENCE = 200;
    static final int MAX_NOTE = 4000;

    private final ShowingRequests showing;
    private final DraftingRequests drafting;
    private final TrackingRequests tracking;
    private final FilingRequests filing;
    private final DossierDownloads downloads;

    RequestPages(ShowingRequests showing, DraftingRequests drafting, TrackingRequests tracking, FilingRequests filing,
                 DossierDownloads downloads) {
        this.downloads = downloads;
        this.showing = showing;
        this.drafting = drafting;
        this.tracking = tracking;
        this.filing = filing;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("requests", showing.list());
        return "escalation/requests";
    }

    @PostMapping
    String draft(@RequestParam(defaultValue = "") String platform, @RequestParam(defaultValue = "") String authority,
                 @RequestParam(name = "item", required = false) List<UUID> items, @RequestParam(defaultValue = "nl") String language,
                 Principal user, RedirectAttributes redirect) {
        try {
            DraftingRequests.Drafted drafted = AuditActor.supplyAs(user.getName(),
                    () -> drafting.draft(platform, authority, items == null ? Set.of() : Set.copyOf(items), language));
            return "redirect:/staff/escalation/requests/" + drafted.reference();
        } catch (RequestRefused refused) {
            redirect.addFlashAttribute("draftError", refused.messageKey());
            redirect.addFlashAttribute("draftPlatform", platform);
            return "redirect:/staff/escalation#draft-" + platform;
        }
    }

    @GetMapping("/{reference}")
    String show(@PathVariable String reference, Principal user, Model model) {
        model.addAttribute("details", AuditActor.supplyAs(user.getName(), () -> showing.show(reference))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("me", user.getName());
        model.addAttribute("outcomes", List.of(RequestState.ACKNOWLEDGED, RequestState.UNDER_INVESTIGATION, RequestState.DECIDED,
                RequestState.REJECTED));
        return "escalation/request";
    }

    /** The dossier ZIP; a request whose platform or authority left the directory gets its reason instead. */
    @GetMapping("/{reference}/dossier")
    ResponseEntity<StreamingResponseBody> dossier(@PathVariable String reference, Principal user, HttpServletRequest request,
                                                  HttpServletResponse response) {
        if (tracking.findByReference(reference).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return downloads.download(reference, user.getName(), "/staff/escalation/requests/" + reference, request, response);
    }

    @PostMapping("/{reference}/approve")
    String approve(@PathVariable String reference, Principal user, RedirectAttributes redirect) {
        return step(reference, user, redirect, id -> tracking.approve(id));
    }

    @PostMapping("/{reference}/send")
    String send(@PathVariable String reference, Principal user, RedirectAttributes redirect) {
        return step(reference, user, redirect, id -> {
            if (!filing.fileByEmail(id)) {
                redirect.addFlashAttribute("requestNotice", "escalation.request.already-queued");
            }
        });
    }

    @PostMapping("/{reference}/resend")
    String resend(@PathVariable String reference, Principal user, RedirectAttributes redirect) {
        return step(reference, user, redirect, id -> {
            if (!filing.resend(id)) {
                redirect.addFlashAttribute("requestNotice", "escalation.request.already-queued");
            }
        });
    }

    @PostMapping("/{reference}/web-form")
    String webForm(@PathVariable String reference, @RequestParam(defaultValue = "") String authorityReference,
                   Principal user, RedirectAttributes redirect) {
        return step(reference, user, redirect, id -> tracking.filedByWebForm(id, limited(authorityReference, MAX_REFERENCE)));
    }

    @PostMapping("/{reference}/outcome")
    String outcome(@PathVariable String reference, @RequestParam(defaultValue = "") String state,
                   @RequestParam(defaultValue = "") String authorityReference, @RequestParam(defaultValue = "") String note,
                   Principal user, RedirectAttributes redirect) {
        return step(reference, user, redirect, id -> tracking.fromAuthority(id, outcomeState(state),
                limited(authorityReference, MAX_REFERENCE), blankToNull(limited(note, MAX_NOTE))));
    }

    @PostMapping("/{reference}/originals")
    String originals(@PathVariable String reference, @RequestParam(defaultValue = "") String include, Principal user,
                     RedirectAttributes redirect) {
        return step(reference, user, redirect, id -> {
            if (!include.equals("yes") && !include.equals("no")) {
                throw new RequestRefused("escalation.dossier.originals.choice");
            }
            tracking.includeOriginals(id, include.equals("yes"));
        });
    }

    @PostMapping("/{reference}/withdraw")
    String withdraw(@PathVariable String reference, @RequestParam(defaultValue = "") String reason, Principal user,
                    RedirectAttributes redirect) {
        return step(reference, user, redirect, id -> {
            if (reason.isBlank()) {
                throw new RequestRefused("escalation.request.reason-required");
            }
            tracking.withdraw(id, limited(reason, MAX_NOTE));
        });
    }

    private interface Step {
        void on(UUID requestId);
    }

    private String step(String reference, Principal user, RedirectAttributes redirect, Step step) {
        UUID id = tracking.findByReference(reference).map(TrackingRequests.Request::id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            AuditActor.runAs(user.getName(), () -> step.on(id));
        } catch (RequestRefused refused) {
            redirect.addFlashAttribute("requestError", refused.messageKey());
        }
        return "redirect:/staff/escalation/requests/" + reference;
    }

    static RequestState outcomeState(String code) {
        try {
            return RequestState.ofCode(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RequestRefused("escalation.request.state-unknown");
        }
    }

    private static String limited(String value, int max) {
        if (value.length() > max) {
            throw new RequestRefused("escalation.request.too-long");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
