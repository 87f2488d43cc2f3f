package org.recourse.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in pages: password, second factor (or enrolling one), replacing a one-time password. */
@Controller
class SignInPages {

    private static final String ENROL_SECRET = "recourse.enrol-secret";
    private final SignInSteps steps;
    private final SignInHandlers handlers;
    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final SecuritySettings settings;
    private final SigningInStaff signingIn;
    private final Clock clock;

    SignInPages(SignInSteps steps, SignInHandlers handlers, StaffUserRepository users, PasswordEncoder encoder,
                SecuritySettings settings, SigningInStaff signingIn, Clock clock) {
        this.steps = steps;
        this.handlers = handlers;
        this.users = users;
        this.encoder = encoder;
        this.settings = settings;
        this.signingIn = signingIn;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockoutMinutes", settings.lockoutDuration().toMinutes());
        return "accounts/login";
    }

    @GetMapping("/login/totp")
    String totpForm() {
        return "accounts/totp";
    }

    @PostMapping("/login/totp")
    String totp(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        StaffPrincipal principal = SignInSteps.current();
        StaffUser user = users.findById(principal.id()).orElseThrow();
        Instant now = Instant.now(clock);
        OptionalLong step = user.totpSecret() == null || !user.active() || user.lockedAt(now)
                ? OptionalLong.empty() : Totp.matchingStep(user.totpSecret(), code, now);
        if (step.isEmpty() || !users.useTotpStep(user.id(), step.getAsLong())) {
            return wrongCode(user, request, model, "accounts/totp");
        }
        return "redirect:" + signedIn(principal, "totp", request, response);
    }

    @GetMapping("/login/totp/enrol")
    String enrolForm(HttpSession session, Model model) {
        StaffPrincipal principal = SignInSteps.current();
        String secret = (String) session.getAttribute(ENROL_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(ENROL_SECRET, secret);
        }
        model.addAttribute("qr", QrCodes.pngDataUri(Totp.otpauthUri(settings.totpIssuer(), principal.getUsername(), secret)));
        model.addAttribute("manualKey", Totp.grouped(secret));
        return "accounts/enrol";
    }

    @PostMapping("/login/totp/enrol")
    String enrol(@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        StaffPrincipal principal = SignInSteps.current();
        String secret = (String) session.getAttribute(ENROL_SECRET);
        Instant now = Instant.now(clock);
        OptionalLong step = secret == null ? OptionalLong.empty() : Totp.matchingStep(secret, code, now);
        if (step.isEmpty()) {
            StaffUser user = users.findById(principal.id()).orElseThrow();
            String view = wrongCode(user, request, model, "accounts/enrol");
            return view.startsWith("redirect:") ? view : enrolForm(session, model);
        }
        signingIn.enrolTotp(principal.id(), secret, step.getAsLong(), now);
        session.removeAttribute(ENROL_SECRET);
        return "redirect:" + signedIn(principal, "totp-enrol", request, response);
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "accounts/password";
    }

    @ModelAttribute("minLength")
    int minLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                          @RequestParam(defaultValue = "") String repeat, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        StaffPrincipal principal = SignInSteps.current();
        String username = SecurityContextHolder.getContext()
                .getAuthentication().getName();
        StaffUser user = users.findByUsername(username).orElse(null);
        String problem = PasswordPolicy.problemWith(password, repeat, username);
        if (user == null || !encoder.matches(current, user.passwordHash())) {
            problem = "accounts.password.current-wrong";
        } else if (problem == null && encoder.matches(password, user.passwordHash())) {
            problem = "accounts.password.same";
        }
        if (problem != null) {
            model.addAttribute("problem", problem);
            return "accounts/password";
        }
        signingIn.changePassword(user.id(), password);
        if (principal != null && SignInSteps.holds(SignInSteps.PASSWORD_CHANGE)) {
            steps.completeAfterPasswordChange(principal, request, response);
        }
        return "redirect:/staff?passwordChanged";
    }

    private String signedIn(StaffPrincipal principal, String factor, HttpServletRequest request,
                            HttpServletResponse response) {
        signingIn.signedIn(principal.id(), factor);
        return steps.afterSecondFactor(principal, request, response);
    }

    private String wrongCode(StaffUser user, HttpServletRequest request, Model model, String view) {
        if (handlers.recordFailure(user.username(), "totp")) {
            request.getSession().invalidate();
            return "redirect:/login?locked";
        }
        model.addAttribute("wrongCode", true);
        return view;
    }
}
