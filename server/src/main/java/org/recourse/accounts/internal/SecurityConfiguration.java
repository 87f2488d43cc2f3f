package org.recourse.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.recourse.platform.RouteRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The browser-facing security chain: form sign-in followed by a TOTP step, sessions in the
 * database, CSRF on every form, strict headers, and authorisation assembled from every module's
 * {@link RouteRules} with everything else denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'none'";

    /**
     * No Spring Security observations: they wrap every filter of every request (a span and a timer
     * each), which at partner-API rates cost more than the report itself. Request metrics remain.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain staffSecurity(HttpSecurity http, List<RouteRules> moduleRules,
                                      SecurityContextRepository contexts,
                                      SignInHandlers handlers,
                                      @org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.secure:false}")
                                      boolean secureCookies) throws Exception {
        http.securityContext(c -> c.securityContextRepository(contexts))
                .csrf(csrf -> csrf.csrfTokenRepository(new PublicFormTokens(secureCookies)))
                // Nothing returns to a saved request after sign-in (it always leads to /staff), and
                // saving one would start a session for every anonymous look at a staff address.
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/login").permitAll();
                    rules.requestMatchers("/login/totp").hasAuthority(SignInSteps.TOTP);
                    rules.requestMatchers("/login/totp/enrol").hasAuthority(SignInSteps.ENROL);
                    rules.requestMatchers("/account/password").hasAnyAuthority(SignInSteps.PASSWORD_CHANGE,
                            "ROLE_ADMIN", "ROLE_COORDINATOR", "ROLE_ANALYST", "ROLE_LIAISON", "ROLE_AUDITOR");
                    moduleRules.forEach(r -> r.apply(rules));
                    rules.anyRequest().denyAll();
                })
                .addFilterBefore(new HeldBackSignIn(handlers),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(handlers::passwordAccepted)
                        .failureHandler(handlers::signInFailed))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("SESSION", "JSESSIONID"))
                .exceptionHandling(e -> e.accessDeniedHandler(handlers::accessDenied)
                        .authenticationEntryPoint(handlers::authenticationRequired))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), interest-cohort=()"))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /**
     * The OpenAPI document and Swagger UI hold no data and are public; Swagger UI sets inline
     * styles, so its pages get a policy that allows them (and nothing else more).
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain apiDocumentation(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**",
                        "/v3/api-docs.yaml")
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService staffUserDetails(StaffUserRepository users, Clock clock) {
        return username -> users.findByUsername(username)
                .map(user -> new StaffPrincipal(user, Instant.now(clock)))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
