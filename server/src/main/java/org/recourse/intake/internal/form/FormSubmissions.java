package org.recourse.intake.internal.form;

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
import org.recourse.intake.internal.cases.Submitted;
import org.springframework.stereotype.Component;

/**
 * Post/redirect/get for the public report form. Every form carries a random one-time token; the
 * submission that creates the case claims the token's hash with it (so a double submit, a reload
 * of the POST or a replay never makes a second case) and leaves the confirmation in the
 * submitter's own session, where the redirected GET — and any reload of it — finds it. The secret
 * stays there only for {@link #SECRET_SHOWN_FOR}: after that the page shows the case number and
 * says the code was shown once. Nobody else's session can see it.
 */
@Component
class FormSubmissions {

    static final Duration SECRET_SHOWN_FOR = Duration.ofMinutes(10);
    private static final String LAST = FormSubmissions.class.getName() + ".last";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the confirmation page shows; kept in the session (serialisable). */
    record Confirmation(String tokenHash, String caseNumber, String secret, boolean childAbuseRoute, Instant createdAt)
            implements Serializable {

        Confirmation withoutSecret() {
            return new Confirmation(tokenHash, caseNumber, null, childAbuseRoute, createdAt);
        }
    }

    private final Clock clock;

    FormSubmissions(Clock clock) {
        this.clock = clock;
    }

    /** A fresh token for a form about to be shown (128 random bits). */
    String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token a posted form carries, or a fresh one when it carries none that could be ours. */
    String tokenOf(ReportForm form) {
        String token = form.getSubmission();
        return token != null && TOKEN.matcher(token).matches() ? token : newToken();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this session already sent the form with this token. */
    boolean alreadySent(HttpSession session, String token) {
        return session != null && session.getAttribute(LAST) instanceof Confirmation last && last.tokenHash().equals(hash(token));
    }

    void remember(HttpSession session, String token, Submitted submitted) {
        session.setAttribute(LAST, new Confirmation(hash(token), submitted.caseNumber(), submitted.secret(),
                submitted.childAbuseRoute(), clock.instant()));
    }

    /** The session's latest confirmation; its secret only within {@link #SECRET_SHOWN_FOR}. */
    Optional<Confirmation> last(HttpSession session) {
        if (session == null || !(session.getAttribute(LAST) instanceof Confirmation last)) {
            return Optional.empty();
        }
        if (last.secret() != null && clock.instant().isAfter(last.createdAt().plus(SECRET_SHOWN_FOR))) {
            Confirmation forgotten = last.withoutSecret();
            session.setAttribute(LAST, forgotten);
            return Optional.of(forgotten);
        }
        return Optional.of(last);
    }
}
