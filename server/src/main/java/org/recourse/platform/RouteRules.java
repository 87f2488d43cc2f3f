package org.recourse.platform;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's authorisation rules for its own routes. The security configuration applies every
 * module's rules and then denies whatever no rule matched, so a route nobody thought about is
 * closed, and the authorisation matrix test names it.
 *
 * <p>Staff pages live under {@code /staff}: an anonymous visitor is sent to sign in there, and gets
 * a plain 404 for a protected route anywhere else.
 *
 * <p>Roles are {@code ADMIN, COORDINATOR, ANALYST, LIAISON, AUDITOR} (use {@code hasRole} /
 * {@code hasAnyRole}); public routes use {@code permitAll()}.
 */
@FunctionalInterface
public interface RouteRules {

    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules);
}
