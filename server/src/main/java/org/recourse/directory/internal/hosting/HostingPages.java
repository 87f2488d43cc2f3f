package org.recourse.directory.internal.hosting;

import java.security.Principal;
import java.util.Locale;

import org.recourse.directory.Directory;
import org.recourse.directory.Hosting;
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
 * Hoster resolution for staff: try it on a URL, confirm hosters and registrars found through RDAP
 * before notices use them (analysts), and keep the domain rules (coordinators).
 */
@Controller
@RequestMapping("/staff/directory/hosting")
class HostingPages {

    private final Hosting hosting;
    private final UnknownContacts contacts;
    private final DomainRules rules;
    private final Directory directory;

    HostingPages(Hosting hosting, UnknownContacts contacts, DomainRules rules, Directory directory) {
        this.hosting = hosting;
        this.contacts = contacts;
        this.rules = rules;
        this.directory = directory;
    }

    @GetMapping
    String overview(@RequestParam(defaultValue = "") String url, Model model) {
        if (!url.isBlank()) {
            try {
                model.addAttribute("result", hosting.resolve(url));
            } catch (IllegalArgumentException e) {
                model.addAttribute("urlError", "directory.hosting.url-invalid");
            }
        }
        model.addAttribute("url", url);
        model.addAttribute("unconfirmed", contacts.unconfirmed());
        model.addAttribute("rules", rules.all());
        model.addAttribute("organisations", directory.all());
        return "directory/hosting";
    }

    @PostMapping("/contacts/{key}/confirm")
    String confirm(@PathVariable String key, Principal principal, RedirectAttributes redirect) {
        if (!contacts.confirm(key, principal.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("done", "directory.hosting.confirmed");
        return "redirect:/staff/directory/hosting";
    }

    @PostMapping("/rules")
    String saveRule(@RequestParam String domain, @RequestParam(defaultValue = "") String hosterKey,
                    @RequestParam(defaultValue = "") String registrarKey, @RequestParam(defaultValue = "") String siteOwnerKey,
                    @RequestParam(defaultValue = "") String realHostKey, @RequestParam(defaultValue = "false") boolean doNotFetch,
                    @RequestParam(defaultValue = "") String classifyAs, @RequestParam(defaultValue = "") String note,
                    Principal principal, RedirectAttributes redirect) {
        String name = domain.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z0-9.-]{1,253}") || !name.contains(".")
                || java.util.stream.Stream.of(hosterKey, registrarKey, siteOwnerKey, realHostKey)
                .anyMatch(k -> !k.isBlank() && directory.findByKey(k).isEmpty())) {
            redirect.addFlashAttribute("ruleError", "directory.hosting.rule-invalid");
            return "redirect:/staff/directory/hosting#rules";
        }
        rules.save(new DomainRules.Rule(name, blank(hosterKey), blank(registrarKey), blank(siteOwnerKey), blank(realHostKey),
                doNotFetch, blank(classifyAs), blank(note)), principal.getName());
        redirect.addFlashAttribute("done", "directory.hosting.rule-saved");
        return "redirect:/staff/directory/hosting#rules";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
