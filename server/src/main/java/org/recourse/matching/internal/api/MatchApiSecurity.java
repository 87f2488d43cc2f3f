package org.recourse.matching.internal.api;

import org.recourse.intake.PartnerKeys;
import org.recourse.matching.internal.MatchingSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The match API's own security chain: stateless, Bearer keys with {@code match:*} scopes, a rate
 * limit per key, RFC 9457 problems for every refusal.
 */
@Configuration(proxyBeanMethods = false)
class MatchApiSecurity {

    static final String LOOKUP = "SCOPE_" + PartnerKeys.MATCH_LOOKUP;
    static final String FEED = "SCOPE_" + PartnerKeys.MATCH_FEED;
    static final String FEEDBACK = "SCOPE_" + PartnerKeys.MATCH_FEEDBACK;

    @Bean
    @Order(11)
    SecurityFilterChain matchApiSecurityChain(HttpSecurity http, PartnerKeys keys, MatchProblems problems,
                                         MatchingSettings settings) throws Exception {
        http.securityMatcher("/m/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .anonymous(anonymous -> anonymous.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new MatchKeyAuthentication(keys, problems, settings.api().requestsPerSecond()),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/m/raw_lookup", "/m/lookup", "/m/index/status").hasAuthority(LOOKUP)
                        .requestMatchers(HttpMethod.POST, "/m/raw_lookup/batch").hasAuthority(LOOKUP)
                        .requestMatchers(HttpMethod.GET, "/m/feed").hasAuthority(FEED)
                        .requestMatchers(HttpMethod.POST, "/m/feedback").hasAuthority(FEEDBACK)
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
