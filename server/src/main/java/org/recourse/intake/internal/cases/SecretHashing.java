package org.recourse.intake.internal.cases;

import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes reporters' secrets slowly (PBKDF2-HMAC-SHA256, 310,000 iterations, random salt), so a
 * copy of the database does not give away the way into anyone's case. Hashing happens outside
 * database transactions: it takes a noticeable fraction of a second on purpose.
 */
@Component
public class SecretHashing {

    private static final String DUMMY_HASH;

    private final Pbkdf2PasswordEncoder encoder = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    static {
        DUMMY_HASH = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("no-such-case");
    }

    public String hash(String secret) {
        return encoder.encode(Passphrases.canonical(secret));
    }

    /**
     * Checks a typed secret; with no stored hash it still does the same work, so the answer time
     * does not tell whether a case number exists.
     */
    public boolean matches(String typed, String storedHash) {
        String canonical = Passphrases.canonical(typed);
        if (storedHash == null) {
            encoder.matches(canonical, DUMMY_HASH);
            return false;
        }
        return !canonical.isEmpty() && encoder.matches(canonical, storedHash);
    }
}
