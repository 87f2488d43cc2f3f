package org.recourse.takedown.internal.responses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The notice-response API's own chain, ahead of the partner API's: stateless and without CSRF
 * (no cookies); the controller checks the platform's key, because a key answers only for its
 * own recipient's notices.
 */
@Configuration(proxyBeanMethods = false)
class ResponsesApiSecurity {

    @Bean
    @Order(5)
    SecurityFilterChain noticeResponsesApiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/notices/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/notices/*/responses").permitAll()
                        .anyRequest().denyAll())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
