package org.recourse.accounts.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import java.time.Duration;
import org.recourse.platform.Throttle;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What happens after the password step, after a failed attempt, and when access is denied. */
@Component
class SignInHandlers {

    private final SignInSteps steps;
    private final StaffUserRepository users;
    private final SecuritySettings settings;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Throttle throttle;
    private final SignInDelays delays;

    SignInHandlers(SignInSteps steps, StaffUserRepository users, SecuritySettings settings, AuditTrail audit,
                   TransactionTemplate transactions, Clock clock, Throttle throttle, SignInDelays delays) {
        this.throttle = throttle;
        this.delays = delays;
        this.steps = steps;
        this.users = users;
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    void passwordAccepted(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        StaffPrincipal principal = (StaffPrincipal) auth.getPrincipal();
        delays.succeeded(principal.getUsername(), request.getRemoteAddr());
        response.sendRedirect(steps.afterPassword(principal, request, response));
    }

    /**
     * Every failed password step gets the same answer, whether the name exists, the password was
     * wrong or the account is locked, so the sign-in page cannot be used to find real names. A
     * wrong password counts against the name from this address (see {@link SignInDelays}: it
     * never locks the account), the address and the total.
     */
    void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof BadCredentialsException) {
            String username = request.getParameter("username");
            if (username != null && !username.isBlank()) {
                delays.failed(username, request.getRemoteAddr());
                auditWrongPassword(username);
            }
        }
        throttle.hit(Throttle.STAFF_SIGN_IN_ADDRESS, throttle.addressSubject(request.getRemoteAddr()),
                settings.maxFailuresPerAddress(), settings.lockoutDuration(), settings.lockoutDuration());
        throttle.hit(Throttle.STAFF_SIGN_IN_ALL, "all", settings.maxFailuresInTotal(), settings.lockoutDuration(),
                Duration.ofMinutes(1));
        response.sendRedirect("/login?error");
    }

    /**
     * Whether password sign-in is held back now: for this name from this address, for this address
     * (too many failures whatever the names) or for everyone (too many in total).
     */
    boolean heldBack(HttpServletRequest request) {
        String username = request.getParameter("username");
        return throttle.blocked(Throttle.STAFF_SIGN_IN_ADDRESS, throttle.addressSubject(request.getRemoteAddr()))
                || throttle.blocked(Throttle.STAFF_SIGN_IN_ALL, "all")
                || (username != null && !username.isBlank() && delays.waiting(username, request.getRemoteAddr()));
    }

    private void auditWrongPassword(String username) {
        transactions.executeWithoutResult(status -> users.findByUsername(username).ifPresent(user ->
                AuditActor.runAs(username, () -> audit.record("staff.sign-in-failed", "staff_user", user.id().toString(),
                        "factor=password"))));
    }

    /**
     * Counts a wrong second-factor code against the account; true when that locked it. Only
     * someone who knew the password gets that far, so here the account itself locks.
     */
    boolean recordFailure(String username, String factor) {
        Boolean locked = transactions.execute(status -> users.findByUsername(username).map(user -> {
            boolean nowLocked = users.recordFailure(username, settings.maxFailedLogins(),
                    settings.lockoutDuration(), Instant.now(clock));
            AuditActor.runAs(username, () -> audit.record(nowLocked ? "staff.locked-out" : "staff.sign-in-failed",
                    "staff_user", user.id().toString(), "factor=" + factor));
            return nowLocked;
        }).orElse(false));
        return Boolean.TRUE.equals(locked);
    }

    /**
     * Anonymous visitors are sent to sign in only for staff areas; anywhere else a route they may
     * not use is answered as if it did not exist, so the public never lands on the staff login.
     */
    void authenticationRequired(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String path = request.getRequestURI();
        if (STAFF_AREAS.stream().anyMatch(path::startsWith)) {
            response.sendRedirect("/login");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static final java.util.List<String> STAFF_AREAS = java.util.List.of(
            "/staff", "/account", "/login", "/actuator", "/liaison");

    void accessDenied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (SignInSteps.holds(SignInSteps.TOTP)) {
            response.sendRedirect("/login/totp");
        } else if (SignInSteps.holds(SignInSteps.ENROL)) {
            response.sendRedirect("/login/totp/enrol");
        } else if (SignInSteps.holds(SignInSteps.PASSWORD_CHANGE)) {
            response.sendRedirect("/account/password");
        } else if (e instanceof org.springframework.security.web.csrf.CsrfException) {
            // The error page explains an expired or incomplete form rather than "no access".
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "platform.error.csrf");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
