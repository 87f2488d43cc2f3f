package org.recourse.takedown.internal.responses;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keys platforms use to report their responses. A key belongs to one recipient (directory key)
 * and only answers for that recipient's notices. Only a SHA-256 of the key is stored: keys are
 * long random strings, so a plain hash is enough.
 */
@Repository
public class PlatformKeys {

    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    PlatformKeys(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a key for the recipient; the key itself is returned once and never stored. */
    @Transactional
    public String create(String recipientKey, String by) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = "tk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into takedown_platform_key (id, recipient_key, key_hash, created_at, created_by) values (?, ?, ?, ?, ?)")
                .params(id, recipientKey, hash(key), Timestamp.from(clock.instant()), by).update();
        audit.record("takedown.platform-key-created", "takedown_platform_key", id.toString(), "recipient=" + recipientKey);
        return key;
    }

    /** The recipient a presented key belongs to, unless unknown or revoked. */
    public Optional<String> recipientOf(String key) {
        if (key == null || !key.startsWith("tk_")) {
            return Optional.empty();
        }
        return jdbc.sql("select recipient_key from takedown_platform_key where key_hash = ? and revoked_at is null")
                .param(hash(key)).query(String.class).optional();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
