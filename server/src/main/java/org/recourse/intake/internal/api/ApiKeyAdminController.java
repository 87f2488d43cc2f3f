package org.recourse.intake.internal.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators create, scope and revoke partner API keys. A new key is shown once. */
@Controller
class ApiKeyAdminController {

    private final ApiKeys keys;

    ApiKeyAdminController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/staff/admin/api-keys")
    String list(Model model) {
        model.addAttribute("keys", keys.list());
        model.addAttribute("scopes", ApiKeys.SCOPES);
        model.addAttribute("defaultScopes", ApiKeys.DEFAULT_SCOPES);
        return "intake/api-keys";
    }

    @PostMapping("/staff/admin/api-keys")
    String create(@RequestParam(defaultValue = "") String organisation,
                  @RequestParam(required = false) List<String> scopes, Authentication user, Model model,
                  HttpServletResponse response) {
        Set<String> chosen = scopes == null ? Set.of() : new LinkedHashSet<>(scopes);
        if (organisation.isBlank() || organisation.length() > 200) {
            model.addAttribute("createError", "intake.api-keys.error.organisation");
        } else if (chosen.isEmpty() || !ApiKeys.SCOPES.containsAll(chosen)) {
            model.addAttribute("createError", "intake.api-keys.error.scopes");
        } else {
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("created", keys.create(organisation, chosen, user.getName()));
        }
        if (model.containsAttribute("createError")) {
            response.setStatus(422);
            model.addAttribute("organisation", organisation);
        }
        return list(model);
    }

    @PostMapping("/staff/admin/api-keys/{id}/revoke")
    String revoke(@PathVariable UUID id, Authentication user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", keys.revoke(id, user.getName())
                ? "intake.api-keys.revoked" : "intake.api-keys.already-revoked");
        return "redirect:/staff/admin/api-keys";
    }
}
