package org.recourse.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.recourse.accounts.StaffRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates staff accounts for tests, ready to sign in: a known password and an enrolled TOTP
 * secret. Each account gets a unique name; use a fresh one per sign-in, because a TOTP code
 * can be used only once.
 */
public final class TestStaff {

    private static final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final AtomicInteger counter = new AtomicInteger();
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private final JdbcClient jdbc;

    public TestStaff(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Account(UUID id, String username, String password, String totpSecret) {
    }

    public Account create(StaffRole... roles) {
        return create(null, roles);
    }

    /** An account whose holder still has to set up the second factor at first sign-in. */
    public Account createWithoutSecondFactor(StaffRole... roles) {
        Account account = create(null, roles);
        jdbc.sql("update staff_user set totp_secret = null, totp_enrolled = false where id = ?").param(account.id()).update();
        return new Account(account.id(), account.username(), account.password(), null);
    }

    public Account create(String organisation, StaffRole... roles) {
        String username = "t" + UUID.randomUUID().toString().substring(0, 8) + counter.incrementAndGet();
        String password = "correct horse battery " + username;
        UUID id = UUID.randomUUID();
        String rolesLiteral = Arrays.stream(roles).map(Enum::name).collect(Collectors.joining(",", "{", "}"));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        insert into staff_user (id, username, display_name, password_hash, roles, organisation, totp_secret,
                            totp_enrolled, must_change_password, active, created_at, updated_at)
                        values (?, ?, ?, ?, ?::text[], ?, ?, true, false, true, ?, ?)""")
                .params(id, username, "Test " + username, encoder.encode(password), rolesLiteral, organisation, SECRET,
                        now, now)
                .update();
        return new Account(id, username, password, SECRET);
    }
}
