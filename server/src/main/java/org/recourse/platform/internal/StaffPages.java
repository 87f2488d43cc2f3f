package org.recourse.platform.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff dashboard every signed-in staff member lands on; modules add their entries and what needs attention. */
@Controller
class StaffPages {

    private final AttentionList attention;

    StaffPages(AttentionList attention) {
        this.attention = attention;
    }

    @GetMapping("/staff")
    String dashboard(Authentication user, @RequestParam(required = false) String area,
                     @RequestParam(defaultValue = "1") String page, Model model) {
        model.addAttribute("attention", attention.waitingFor(user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).toList(), area, page(page)));
        return "platform/dashboard";
    }

    private static int page(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
