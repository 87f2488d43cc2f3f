package org.recourse.assessment.internal.referrals;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseRefs;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hand-off forms of the case page: refer, record the organisation's answer, record the victim's withdrawal of consent. */
@Controller
class HandOffPages {

    private final HandingOff handingOff;
    private final CaseRefs refs;

    HandOffPages(HandingOff handingOff, CaseRefs refs) {
        this.handingOff = handingOff;
        this.refs = refs;
    }

    @PostMapping("/staff/cases/{caseNumber}/referrals")
    String handOff(@PathVariable String caseNumber, @RequestParam(defaultValue = "") String organisation,
                   @RequestParam(defaultValue = "") String channel, @RequestParam(required = false) List<String> shares,
                   @RequestParam(defaultValue = "") String consentHow, Principal user, RedirectAttributes redirect) {
        CaseRef ref = refs.byNumber(caseNumber).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Set<SharedItem> scope = EnumSet.noneOf(SharedItem.class);
        for (String share : shares == null ? List.<String>of() : shares) {
            parse(SharedItem.class, share).ifPresent(scope::add);
        }
        HandingOff.Result result = handingOff.handOff(new HandingOff.Request(ref.id(), organisation,
                parse(HandOffChannel.class, channel).orElse(HandOffChannel.EMAIL), scope, parse(ConsentHow.class, consentHow).orElse(null),
                user.getName()));
        switch (result) {
            case HandingOff.Made made -> redirect.addFlashAttribute("handOffDone", made.handOff().channel() == HandOffChannel.EMAIL
                    ? "assessment.handoff.done.email" : "assessment.handoff.done.phone");
            case HandingOff.Refused refused -> redirect.addFlashAttribute("handOffError",
                    "assessment.handoff.refused." + refused.refusal().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return "redirect:" + ref.href(HandOffSection.ANCHOR);
    }

    @PostMapping("/staff/referrals/{id}/outcome")
    String outcome(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome, Principal user, RedirectAttributes redirect) {
        HandOff handOff = handingOff.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CaseRef ref = refs.byId(handOff.caseId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var chosen = parse(HandOffStatus.class, outcome).filter(HandOffStatus::isOutcome);
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("handOffError", "assessment.handoff.outcome.unknown");
        } else if (!handingOff.recordOutcome(id, chosen.get(), user.getName())) {
            redirect.addFlashAttribute("handOffError", "assessment.handoff.outcome.not-open");
        } else {
            redirect.addFlashAttribute("handOffDone", "assessment.handoff.outcome.recorded");
        }
        return "redirect:" + ref.href(HandOffSection.ANCHOR);
    }

    /** The victim asked the hotline (she has no status page, or called): her withdrawal is recorded by the analyst. */
    @PostMapping("/staff/cases/{caseNumber}/referrals/withdraw-consent")
    String withdrawConsent(@PathVariable String caseNumber, Principal user, RedirectAttributes redirect) {
        CaseRef ref = refs.byNumber(caseNumber).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        HandingOff.Withdrawal withdrawal = handingOff.withdrawConsent(ref.id(), "hotline:" + user.getName());
        redirect.addFlashAttribute("handOffDone", "assessment.handoff.withdrawn");
        redirect.addFlashAttribute("withdrawnStopped", withdrawal.stopped().stream().map(HandOff::organisation).toList());
        redirect.addFlashAttribute("withdrawnDelivered", withdrawal.alreadyDelivered().stream().map(HandOff::organisation).toList());
        return "redirect:" + ref.href(HandOffSection.ANCHOR);
    }

    /** A form's choice as one of {@code type}'s constants (codes in either case, with - or _), or empty. */
    static <E extends Enum<E>> java.util.Optional<E> parse(Class<E> type, String value) {
        if (value == null || value.isBlank() || value.length() > 40) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
