package org.recourse.intake.internal.api;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.intake.PartnerKeyChain;
import org.recourse.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** Writes refusals of the security chain as RFC 9457 problem details in the caller's language. */
@Component
class ApiProblems implements PartnerKeyChain.Refusals {

    private final Problems problems;

    ApiProblems(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"recourse\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "intake.api.unauthenticated");
    }

    @Override
    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "intake.api.forbidden");
    }

    @Override
    public void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "intake.api.rate-limited");
    }

    void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "intake.api.busy");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        problems.write(request, response, status, key, Map.of());
    }
}
