package org.recourse.matching.internal.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.intake.PartnerKeys;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} with the partner keys and applies the key's
 * rate limit (a token bucket per key on each node). Not a bean, so it filters the match API only.
 */
class MatchKeyAuthentication extends OncePerRequestFilter {

    private final PartnerKeys keys;
    private final MatchProblems problems;
    private final int requestsPerSecond;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    MatchKeyAuthentication(PartnerKeys keys, MatchProblems problems, int requestsPerSecond) {
        this.keys = keys;
        this.problems = problems;
        this.requestsPerSecond = requestsPerSecond;
    }

    /** The platform behind the current match API request. */
    static final class KeyAuthentication extends AbstractAuthenticationToken {
        private final PartnerKeys.PartnerKey key;

        KeyAuthentication(PartnerKeys.PartnerKey key) {
            super(key.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
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
            problems.unauthenticated(request, response, new BadCredentialsException("unknown key"));
            return;
        }
        ConsumptionProbe probe = bucket(key.get().keyId()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            problems.tooManyRequests(request, response, probe.getNanosToWaitForRefill() / 1_000_000_000L + 1);
            return;
        }
        SecurityContextHolder.setContext(new SecurityContextImpl(new KeyAuthentication(key.get())));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Bucket bucket(UUID keyId) {
        return buckets.computeIfAbsent(keyId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(2L * requestsPerSecond)
                        .refillGreedy(requestsPerSecond, Duration.ofSeconds(1)).build())
                .build());
    }
}
