package org.recourse.accounts.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a password sign-in from an address (or at a time) that is held back with the same
 * "sign-in failed" as any other failure, without checking the password: names cannot be tried
 * faster than the limits allow, and nothing counts against the accounts tried.
 */
class HeldBackSignIn extends OncePerRequestFilter {

    private final SignInHandlers handlers;

    HeldBackSignIn(SignInHandlers handlers) {
        this.handlers = handlers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()) && handlers.heldBack(request)) {
            response.sendRedirect("/login?error");
            return;
        }
        chain.doFilter(request, response);
    }
}
