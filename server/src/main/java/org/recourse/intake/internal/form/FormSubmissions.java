package org.recourse.intake.internal.form;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.recourse.intake.internal.cases.Submitted;
import org.recourse.platform.OneTimeForms;
import org.springframework.stereotype.Component;

/**
 * Post/redirect/get for the public report form, through the platform's {@link OneTimeForms}: the
 * submission that creates the case claims the form token's hash with it (so a double submit, a
 * reload of the POST or a replay never makes a second case) and leaves the confirmation in the
 * submitter's own session; the secret stays there only for {@link OneTimeForms#SECRET_SHOWN_FOR}.
 */
@Component
class FormSubmissions {

    private static final String FORM = "report";

    /** What the confirmation page shows. */
    record Confirmation(String tokenHash, String caseNumber, String secret, boolean childAbuseRoute, Instant createdAt) {
    }

    /** What the session keeps besides the secret (serialisable). */
    record Shown(String caseNumber, boolean childAbuseRoute) implements Serializable {
    }

    private final OneTimeForms forms;

    FormSubmissions(OneTimeForms forms) {
        this.forms = forms;
    }

    /** A fresh token for a form about to be shown (128 random bits). */
    String newToken() {
        return forms.newToken();
    }

    /** The token a posted form carries, or a fresh one when it carries none that could be ours. */
    String tokenOf(ReportForm form) {
        String token = form.getSubmission();
        return OneTimeForms.wellFormed(token) ? token : newToken();
    }

    /** Whether this session already sent the form with this token. */
    boolean alreadySent(HttpSession session, String token) {
        return forms.alreadySent(session, FORM, token);
    }

    void remember(HttpSession session, String token, Submitted submitted) {
        forms.remember(session, FORM, token, submitted.secret(), new Shown(submitted.caseNumber(), submitted.childAbuseRoute()));
    }

    /** The session's latest confirmation; its secret only within {@link OneTimeForms#SECRET_SHOWN_FOR}. */
    Optional<Confirmation> last(HttpSession session) {
        return forms.last(session, FORM, Shown.class).map(r -> new Confirmation(r.tokenHash(), r.shown().caseNumber(),
                r.secret(), r.shown().childAbuseRoute(), r.createdAt()));
    }
}
