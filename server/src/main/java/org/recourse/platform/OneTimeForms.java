package org.recourse.platform;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;

/**
 * Post/redirect/get for public forms that create a case and show a secret once (the report form,
 * the hashing page's new case). Every form carries a random one-time token; the submission that
 * creates the case claims the token's hash with it in the database (so a double submit, a reload
 * of the POST or a replay never makes a second case) and leaves a receipt in the submitter's own
 * session, where the redirected GET — and any reload of it — finds it. The secret stays in the
 * receipt only for {@link #SECRET_SHOWN_FOR}: after that the page shows the rest and says the code
 * was shown once. Nobody else's session can see it. Each form keeps its own latest receipt.
 */
@Component
public class OneTimeForms {

    public static final Duration SECRET_SHOWN_FOR = Duration.ofMinutes(10);
    private static final String PREFIX = OneTimeForms.class.getName() + ".";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What a confirmation page shows, kept in the session (serialisable).
     *
     * @param secret the secret to show once, or null once {@link #SECRET_SHOWN_FOR} has passed
     * @param shown  the form's own confirmation details (case number, counts, ...)
     */
    public record Receipt<T extends Serializable>(String tokenHash, String secret, Instant createdAt, T shown)
            implements Serializable {

        Receipt<T> withoutSecret() {
            return new Receipt<>(tokenHash, null, createdAt, shown);
        }
    }

    private final Clock clock;

    OneTimeForms(Clock clock) {
        this.clock = clock;
    }

    /** A fresh token for a form about to be shown (128 random bits). */
    public String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a posted value has the shape of a token this class hands out. */
    public static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** The token's hash, as it is claimed in the database and kept in the receipt. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this session already sent {@code form} with this token. */
    public boolean alreadySent(HttpSession session, String form, String token) {
        return session != null && session.getAttribute(PREFIX + form) instanceof Receipt<?> last
                && last.tokenHash().equals(hash(token));
    }

    public <T extends Serializable> void remember(HttpSession session, String form, String token, String secret, T shown) {
        session.setAttribute(PREFIX + form, new Receipt<>(hash(token), secret, clock.instant(), shown));
    }

    /** The session's latest receipt of {@code form}; its secret only within {@link #SECRET_SHOWN_FOR}. */
    @SuppressWarnings("unchecked")
    public <T extends Serializable> Optional<Receipt<T>> last(HttpSession session, String form, Class<T> type) {
        if (session == null || !(session.getAttribute(PREFIX + form) instanceof Receipt<?> last) || !type.isInstance(last.shown())) {
            return Optional.empty();
        }
        Receipt<T> receipt = (Receipt<T>) last;
        if (receipt.secret() != null && clock.instant().isAfter(receipt.createdAt().plus(SECRET_SHOWN_FOR))) {
            Receipt<T> forgotten = receipt.withoutSecret();
            session.setAttribute(PREFIX + form, forgotten);
            return Optional.of(forgotten);
        }
        return Optional.of(receipt);
    }
}
