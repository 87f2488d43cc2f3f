package org.recourse.intake;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one way an API served to partners and platforms is secured with their {@link PartnerKeys}:
 * a stateless chain without cookies or CSRF, {@code Authorization: Bearer <key>}, the key's scopes
 * as {@code SCOPE_*} authorities, a token bucket per key on each node (with N nodes a key may reach
 * N times the rate), an optional admission step for APIs that bound the requests in progress, and
 * an RFC 9457 problem from the API's own {@link Refusals} for every refusal. The partner intake
 * API and the match API both use it.
 */
public final class PartnerKeyChain {

    private PartnerKeyChain() {
    }

    /** How an API words its refusals (RFC 9457 problems in the caller's language). */
    public interface Refusals {
        void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException;

        void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                throws IOException;

        void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
                throws IOException;
    }

    /** Lets an authenticated request in, or answers it itself; {@link #release} follows every admission. */
    public interface Admission {
        Admission ALWAYS = new Admission() {
            @Override
            public boolean admit(HttpServletRequest request, HttpServletResponse response) {
                return true;
            }

            @Override
            public void release() {
            }
        };

        boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException;

        void release();
    }

    /** Builds the chain for {@code paths}; {@code rules} says which scope each route needs. */
    public static SecurityFilterChain build(HttpSecurity http, String paths, KeyFilter filter, Refusals refusals,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        http.securityMatcher(paths)
                .csrf(csrf -> csrf.disable())
                // No session, no servlet-API wrapper: neither is used by a key's request, and each filter is work
                // on every one of thousands of look-ups a second (decision 0025).
                .sessionManagement(s -> s.disable())
                .servletApi(s -> s.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .anonymous(anonymous -> anonymous.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(filter, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(refusals::unauthenticated)
                        .accessDeniedHandler(refusals::forbidden))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /** The caller behind the current request: its key is the principal. */
    static final class KeyAuthentication extends AbstractAuthenticationToken {
        /** The authorities of each set of scopes in use (a handful), made once instead of on every request. */
        private static final Map<Set<String>, List<GrantedAuthority>> AUTHORITIES = new ConcurrentHashMap<>();

        private final PartnerKeys.PartnerKey key;

        KeyAuthentication(PartnerKeys.PartnerKey key) {
            super(AUTHORITIES.computeIfAbsent(key.scopes(), scopes -> scopes.stream()
                    .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList()));
            this.key = key;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public PartnerKeys.PartnerKey getPrincipal() {
            return key;
        }

        @Override
        public String getName() {
            return "api:" + key.organisation();
        }
    }

    /**
     * Authenticates the Bearer key and applies its rate limit, then the admission step. Not a
     * bean: a filter bean would also be registered for every other URL.
     */
    public static final class KeyFilter extends OncePerRequestFilter {

        private final PartnerKeys keys;
        private final Refusals refusals;
        private final int requestsPerSecond;
        private final Admission admission;
        private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

        public KeyFilter(PartnerKeys keys, Refusals refusals, int requestsPerSecond, Admission admission) {
            this.keys = keys;
            this.refusals = refusals;
            this.requestsPerSecond = requestsPerSecond;
            this.admission = admission;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            var key = keys.authenticate(header.substring(7).strip());
            if (key.isEmpty()) {
                refusals.unauthenticated(request, response, new BadCredentialsException("unknown key"));
                return;
            }
            ConsumptionProbe probe = bucket(key.get().keyId()).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                refusals.tooManyRequests(request, response, probe.getNanosToWaitForRefill() / 1_000_000_000L + 1);
                return;
            }
            if (!admission.admit(request, response)) {
                return;
            }
            SecurityContextHolder.setContext(new SecurityContextImpl(new KeyAuthentication(key.get())));
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
                admission.release();
            }
        }

        private Bucket bucket(UUID keyId) {
            return buckets.computeIfAbsent(keyId, id -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(2L * requestsPerSecond)
                            .refillGreedy(requestsPerSecond, Duration.ofSeconds(1)).build())
                    .build());
        }
    }
}
