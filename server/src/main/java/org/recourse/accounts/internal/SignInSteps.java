package org.recourse.accounts.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The steps of signing in, as authorities: after the password a member holds only
 * {@code STEP_TOTP} (or {@code STEP_ENROL} when no second factor is set up yet); after the code,
 * {@code STEP_PASSWORD_CHANGE} when a one-time password must be replaced; only then their roles.
 * No route that needs a role can be reached half-way.
 */
@Component
class SignInSteps {

    static final String TOTP = "STEP_TOTP";
    static final String ENROL = "STEP_ENROL";
    static final String PASSWORD_CHANGE = "STEP_PASSWORD_CHANGE";

    private final SecurityContextRepository contexts;

    SignInSteps(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    /** Where a member goes after the password was right. */
    String afterPassword(StaffPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        String step = principal.totpEnrolled() ? TOTP : ENROL;
        grant(principal, List.of(new SimpleGrantedAuthority(step)), request, response);
        return principal.totpEnrolled() ? "/login/totp" : "/login/totp/enrol";
    }

    /** Where a member goes after the second factor was right. */
    String afterSecondFactor(StaffPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        if (principal.mustChangePassword()) {
            grant(principal, List.of(new SimpleGrantedAuthority(PASSWORD_CHANGE)), request, response);
            return "/account/password";
        }
        grant(principal, principal.roleAuthorities(), request, response);
        return "/staff";
    }

    void completeAfterPasswordChange(StaffPrincipal principal, HttpServletRequest request,
                                     HttpServletResponse response) {
        grant(principal, principal.roleAuthorities(), request, response);
    }

    static StaffPrincipal current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffPrincipal p ? p : null;
    }

    static boolean holds(String step) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> step.equals(a.getAuthority()));
    }

    private void grant(StaffPrincipal principal, List<? extends GrantedAuthority> authorities,
                       HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
