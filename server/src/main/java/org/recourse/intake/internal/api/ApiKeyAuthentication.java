package org.recourse.intake.internal.api;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.platform.RequestArrival;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} against the stored key hashes and applies the
 * key's rate limit, then admits the request only while fewer than the configured number are in
 * progress on this node; a request that found no place before it had waited {@code max-wait}
 * since it arrived is answered 503 with Retry-After, instead of a growing queue that times out
 * for everyone. The rate limit is a token bucket held on each node: with N nodes a key may reach
 * N times the configured rate, which the setting's documentation says. Not a bean: a filter bean
 * would also be registered for every other URL.
 */
class ApiKeyAuthentication extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final ApiProblems problems;
    private final IntakeSettings settings;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final Semaphore inFlight;

    ApiKeyAuthentication(ApiKeys keys, ApiProblems problems, IntakeSettings settings) {
        this.keys = keys;
        this.problems = problems;
        this.settings = settings;
        this.inFlight = new Semaphore(settings.api().maxConcurrentRequests());
    }

    /** The caller behind the current API request; set by this filter. */
    static final class CallerAuthentication extends AbstractAuthenticationToken {
        private final ApiKeys.Caller caller;

        CallerAuthentication(ApiKeys.Caller caller) {
            super(caller.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public ApiKeys.Caller getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return "api:" + caller.organisation();
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
        var caller = keys.authenticate(header.substring(7).strip());
        if (caller.isEmpty()) {
            problems.unauthenticated(request, response, new BadCredentialsException("unknown key"));
            return;
        }
        ConsumptionProbe probe = bucket(caller.get().keyId()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            problems.tooManyRequests(request, response, probe.getNanosToWaitForRefill() / 1_000_000_000L + 1);
            return;
        }
        if (!admitted(request)) {
            problems.busy(request, response);
            return;
        }
        SecurityContextImpl context = new SecurityContextImpl(new CallerAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
            inFlight.release();
        }
    }

    /** Waits for a place until the request has waited {@code max-wait} since it arrived. */
    private boolean admitted(HttpServletRequest request) {
        long remaining = RequestArrival.deadline(request, settings.api().maxWait()) - System.nanoTime();
        try {
            return inFlight.tryAcquire(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Bucket bucket(UUID keyId) {
        return buckets.computeIfAbsent(keyId, id -> {
            int rate = settings.api().requestsPerSecond();
            return Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(2L * rate).refillGreedy(rate, java.time.Duration.ofSeconds(1)).build())
                    .build();
        });
    }
}
