package org.recourse.takedown.internal.web;

import java.security.Principal;
import java.util.UUID;

import org.recourse.takedown.internal.items.RoutingByHand;
import org.recourse.takedown.internal.notices.ChannelKind;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Routing a stalled item by hand: choose an organisation and one of its channels from the
 * directory (the notice goes now), or record a web-form submission made by hand.
 */
@Controller
@RequestMapping("/staff/takedown/items/{id}")
class ManualRoutingPages {

    private final RoutingChoices choices;
    private final RoutingByHand routing;

    ManualRoutingPages(RoutingChoices choices, RoutingByHand routing) {
        this.choices = choices;
        this.routing = routing;
    }

    @GetMapping("/route")
    String page(@PathVariable UUID id, Model model) {
        model.addAttribute("page", choices.page(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("channels", ChannelKind.values());
        return "takedown/route";
    }

    @PostMapping("/route")
    String route(@PathVariable UUID id, @RequestParam(defaultValue = "") String organisation,
                 @RequestParam(defaultValue = "") String channel, RedirectAttributes redirect) {
        if (routing.item(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var kind = ChannelKind.fromFormValue(channel);
        if (kind.isEmpty()) {
            return refused(id, "takedown.route.error.channel-required", organisation, channel, redirect);
        }
        RoutingByHand.Outcome outcome = routing.route(id, organisation, kind.get());
        if (outcome.notice().isPresent()) {
            redirect.addFlashAttribute("done", "takedown.route.done");
            return "redirect:/staff/takedown/notices/" + outcome.notice().get();
        }
        return refused(id, problemKey(outcome.problem().orElseThrow()), organisation, channel, redirect);
    }

    @PostMapping("/web-form")
    String webForm(@PathVariable UUID id, @RequestParam(defaultValue = "") String organisation,
                   @RequestParam(defaultValue = "") String formAddress, @RequestParam(defaultValue = "") String reference,
                   Principal principal, RedirectAttributes redirect) {
        if (routing.item(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        RoutingByHand.Outcome outcome = routing.recordWebForm(id, organisation, formAddress, reference, principal.getName());
        if (outcome.notice().isPresent()) {
            redirect.addFlashAttribute("done", "takedown.route.web-form.done");
            return "redirect:/staff/takedown/notices/" + outcome.notice().get();
        }
        redirect.addFlashAttribute("formAddress", formAddress);
        redirect.addFlashAttribute("reference", reference);
        redirect.addFlashAttribute("webFormOrganisation", organisation);
        redirect.addFlashAttribute("webFormError", problemKey(outcome.problem().orElseThrow()));
        return "redirect:/staff/takedown/items/" + id + "/route#web-form";
    }

    private static String refused(UUID id, String key, String organisation, String channel, RedirectAttributes redirect) {
        redirect.addFlashAttribute("routeError", key);
        redirect.addFlashAttribute("chosenOrganisation", organisation);
        redirect.addFlashAttribute("chosenChannel", channel);
        return "redirect:/staff/takedown/items/" + id + "/route#route";
    }

    private static String problemKey(RoutingByHand.Problem problem) {
        return "takedown.route.error." + problem.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
