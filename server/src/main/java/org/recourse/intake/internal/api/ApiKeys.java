package org.recourse.intake.internal.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.PartnerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner API keys: {@code rk_} followed by 40 random base-32 symbols (200 bits). Only the key's
 * SHA-256 is stored; the key itself is shown once, when it is created. A key is checked against the
 * database when a node first sees it and again, in the background, every {@link #RECHECK_AFTER}: a
 * revocation holds at once on the node where it was made and within seconds on the others.
 */
@Service
public class ApiKeys implements PartnerKeys, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    public static final String SCOPE_SUBMIT = "reports:submit";
    public static final String SCOPE_READ = "reports:read";
    public static final List<String> SCOPES = List.of(SCOPE_SUBMIT, SCOPE_READ,
            PartnerKeys.MATCH_LOOKUP, PartnerKeys.MATCH_FEED, PartnerKeys.MATCH_FEEDBACK);
    /** What a key gets when no scopes are named: the partner (report) API. */
    public static final List<String> DEFAULT_SCOPES = List.of(SCOPE_SUBMIT, SCOPE_READ);

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, AuditTrail audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The key as created: {@code plainKey} is shown once and never again. */
    public record CreatedKey(UUID id, String organisation, String plainKey, Set<String> scopes) {
    }

    /** A key as listed for administrators (no secret material). */
    public record KeyInfo(UUID id, String organisation, String prefix, List<String> scopes, Instant createdAt,
                          String createdBy, Instant revokedAt) {
    }

    /**
     * A partner sends its key with every request; looking it up each time cost a query per report.
     * A valid key is trusted for this long after its last check, then checked again (see
     * {@link #TRUST_WHILE_RECHECKING}).
     */
    public static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

    /**
     * A key due for its recheck is checked again in the background while requests keep trusting the
     * last check, for up to this long; after that a request checks the key itself. Revoking a key
     * therefore takes effect on other nodes within {@link #RECHECK_AFTER} plus one recheck.
     */
    public static final Duration TRUST_WHILE_RECHECKING = Duration.ofSeconds(5);

    /** @param rechecking set by the one request that rechecks this key now */
    private record Known(PartnerKey caller, Instant checkedAt, AtomicBoolean rechecking) {

        Known(PartnerKey caller, Instant checkedAt) {
            this(caller, checkedAt, new AtomicBoolean());
        }
    }

    private final Map<String, Known> recentlyChecked = new ConcurrentHashMap<>();
    /**
     * Rechecks run on a platform thread of their own: on a virtual thread a database answer can wait
     * seconds for a carrier when the cores are busy, longer than the pool's validation allows (decision 0025).
     */
    private final ExecutorService rechecks = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("api-key-recheck").daemon().factory());

    @Transactional
    public CreatedKey create(String organisation, Set<String> scopes, String createdBy) {
        if (organisation == null || organisation.isBlank() || organisation.length() > 200) {
            throw new IllegalArgumentException("organisation");
        }
        if (scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
            throw new IllegalArgumentException("scopes");
        }
        StringBuilder key = new StringBuilder("rk_");
        for (int i = 0; i < 40; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        UUID id = UUID.randomUUID();
        String plain = key.toString();
        String[] orderedScopes = SCOPES.stream().filter(scopes::contains).toArray(String[]::new);
        jdbc.sql("""
                insert into api_key (id, organisation, prefix, key_hash, scopes, created_at, created_by)
                values (?, ?, ?, ?, string_to_array(?, ','), ?, ?)
                """).params(id, organisation.strip(), plain.substring(0, 8), hash(plain), String.join(",", orderedScopes),
                Timestamp.from(clock.instant()), createdBy).update();
        audit.record("api-key.created", "api_key", id.toString(), "scopes=" + String.join(",", orderedScopes));
        return new CreatedKey(id, organisation.strip(), plain, Set.of(orderedScopes));
    }

    @Transactional
    public boolean revoke(UUID id, String revokedBy) {
        boolean revoked = jdbc.sql("update api_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), revokedBy, id).update() == 1;
        if (revoked) {
            recentlyChecked.values().removeIf(known -> known.caller().keyId().equals(id));
            audit.record("api-key.revoked", "api_key", id.toString(), null);
        }
        return revoked;
    }

    public List<KeyInfo> list() {
        return jdbc.sql("select * from api_key order by revoked_at nulls first, created_at desc")
                .query((rs, n) -> new KeyInfo(rs.getObject("id", UUID.class), rs.getString("organisation"),
                        rs.getString("prefix"), Arrays.asList((String[]) rs.getArray("scopes").getArray()),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    @Override
    public Optional<PartnerKey> authenticate(String presented) {
        if (presented == null || !presented.startsWith("rk_") || presented.length() != 43) {
            return Optional.empty();
        }
        String hash = hash(presented);
        Known known = recentlyChecked.get(hash);
        Instant now = clock.instant();
        if (known != null) {
            Instant due = known.checkedAt().plus(RECHECK_AFTER);
            if (now.isBefore(due)) {
                return Optional.of(known.caller());
            }
            // Due: checked again in the background, one check per key at a time, and this request is
            // answered on the last check. A request never waits for the database for a key it knows.
            if (now.isBefore(due.plus(TRUST_WHILE_RECHECKING))) {
                if (known.rechecking().compareAndSet(false, true) && !recheckInBackground(hash, known)) {
                    known.rechecking().set(false);
                    return lookUp(hash);
                }
                return Optional.of(known.caller());
            }
        }
        // A key not seen yet, or whose last check is too old (the database was away): checked now.
        return lookUp(hash);
    }

    private Optional<PartnerKey> lookUp(String hash) {
        Optional<PartnerKey> caller = jdbc.sql("select id, organisation, scopes from api_key where key_hash = ? and revoked_at is null")
                .param(hash)
                .query((rs, n) -> new PartnerKey(rs.getObject("id", UUID.class), rs.getString("organisation"),
                        Set.of((String[]) rs.getArray("scopes").getArray())))
                .optional();
        // Only valid keys are remembered, so the map cannot grow with made-up keys.
        caller.ifPresentOrElse(c -> recentlyChecked.put(hash, new Known(c, clock.instant())),
                () -> recentlyChecked.remove(hash));
        return caller;
    }

    /** False when the recheck cannot be started (the application is stopping): the caller checks itself. */
    private boolean recheckInBackground(String hash, Known known) {
        try {
            rechecks.execute(() -> {
                try {
                    lookUp(hash);
                } catch (RuntimeException e) {
                    // The database is away: the next request after this one tries again.
                    log.debug("Recheck of an API key failed: {}", e.toString());
                } finally {
                    known.rechecking().set(false);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @Override
    public void destroy() {
        rechecks.shutdownNow();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
