package org.recourse.intake.internal.api;

import org.recourse.intake.internal.IntakeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The partner API's own security chain, checked before the browser chain: stateless, no CSRF (no
 * cookies are used), Bearer API keys, scopes as authorities, per-key rate limits, and RFC 9457
 * problem details for every refusal.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain partnerApiSecurity(HttpSecurity http, ApiKeys keys, ApiProblems problems,
                                           IntakeSettings settings) throws Exception {
        ApiKeyAuthentication authentication = new ApiKeyAuthentication(keys, problems, settings);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .anonymous(anonymous -> anonymous.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(authentication, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports").hasAuthority("SCOPE_" + ApiKeys.SCOPE_SUBMIT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/*").hasAuthority("SCOPE_" + ApiKeys.SCOPE_READ)
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
