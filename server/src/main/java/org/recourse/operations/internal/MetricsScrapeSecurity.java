package org.recourse.operations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Prometheus scrapes {@code /actuator/prometheus} without a person: with
 * {@code Authorization: Bearer <RECOURSE_METRICS_TOKEN>} (at least 32 characters; compared in
 * constant time), or as a signed-in administrator. Anyone else gets 401, a signed-in non-admin 403.
 */
@Configuration(proxyBeanMethods = false)
class MetricsScrapeSecurity {

    static final int MIN_TOKEN = 32;

    @Bean
    @Order(4)
    SecurityFilterChain prometheusScrape(HttpSecurity http, SecurityContextRepository contexts,
                                         @Value("${recourse.metrics.token:}") String token) throws Exception {
        byte[] expected = token.length() >= MIN_TOKEN ? ("Bearer " + token).getBytes(StandardCharsets.UTF_8) : null;
        http.securityMatcher("/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(rules -> rules.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(bearer(context.getRequest(), expected) || admin(authentication.get()))))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, refused) -> {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
                    response.sendError(401);
                }))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    private static boolean bearer(HttpServletRequest request, byte[] expected) {
        String presented = request.getHeader("Authorization");
        return expected != null && presented != null
                && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean admin(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
