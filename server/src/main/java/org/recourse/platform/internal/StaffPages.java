package org.recourse.platform.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff dashboard every signed-in staff member lands on; modules add their entries and what needs attention. */
@Controller
class StaffPages {

    private final AttentionList attention;

    StaffPages(AttentionList attention) {
        this.attention = attention;
    }

    @GetMapping("/staff")
    String dashboard(Authentication user, Model model) {
        model.addAttribute("attention", attention.waitingFor(user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).toList()));
        return "platform/dashboard";
    }
}
