package org.recourse.intake;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.recourse.taxonomy.ViolenceForm;

/**
 * A case started from the victims' hashing page with nothing but hashes (as StopNCII does): a
 * web-form report that is "not online" (nothing found online yet: prevention), with no URL, no
 * name and no description, marked with {@link #SOURCE} so analysts see where it came from. Only
 * what the hotline needs to treat it lawfully is asked: who reports, which image-based forms of
 * violence, whether a minor is shown (then nothing is started here: the report form's child-abuse
 * route applies), and optionally contact details as on the report form. It is created the way the
 * report form creates a case — one transaction that claims the form's one-time token, queues it
 * for assessment and audits it — so a double submit or replay never starts a second case.
 */
public interface CasesFromHashes {

    /** The case's origin ({@code source}) as stored, shown on the case page. */
    String SOURCE = "hashing_page";

    /** Who may start one: the person herself or someone on her behalf. */
    List<ReporterType> REPORTER_TYPES = List.of(ReporterType.SELF, ReporterType.ON_BEHALF);

    /**
     * The answers as posted (codes as on the report form).
     *
     * @param minor {@code yes}, {@code no} or {@code unsure}: required here
     */
    record Answers(String reporterType, List<String> forms, String minor, boolean contactConsent, String contactEmail,
                   String contactPhone) {

        public Answers {
            forms = forms == null ? List.of() : List.copyOf(forms);
        }

        /** A minor is shown: nothing of it may be banked; the report form's child-abuse route applies. */
        public boolean childAbuseRoute() {
            return "yes".equals(minor) || forms.contains(ViolenceForm.CHILD_SEXUAL_ABUSE_MATERIAL);
        }
    }

    /**
     * One problem with an answer.
     *
     * @param field      the form field: {@code reporterType}, {@code forms}, {@code minor},
     *                   {@code contactEmail}, {@code contactPhone} or {@code contactConsent}
     * @param messageKey the explanation in the message bundle, with {@code arguments}
     */
    record Problem(String field, String messageKey, List<Object> arguments) {
    }

    /** The secret to show once and its slow hash, made before the transaction that starts the case. */
    record Credentials(String secret, String secretHash) {

        @Override
        public String toString() {
            return "Credentials[hidden]";
        }
    }

    /** The new case; {@code secret} is shown once and never stored. */
    record Started(UUID caseId, String caseNumber, String secret) {

        @Override
        public String toString() {
            return "Started[" + caseNumber + "]";
        }
    }

    /** The forms such a case may name, in the report form's order: today's image-based forms. */
    List<ViolenceForm> imageForms();

    /** What is wrong with the answers, empty when a case can be started with them. */
    List<Problem> check(Answers answers);

    /**
     * Counts a public submission from this address against the report form's limit (they share it);
     * false when the address has sent too many and must wait.
     */
    boolean allowedFrom(String remoteAddress);

    /** A fresh secret and its hash; slow on purpose, so call it outside any transaction. */
    Credentials newCredentials();

    /**
     * Starts the case, joining the caller's transaction. Answers must have passed {@link #check}
     * and must not be on the child-abuse route.
     *
     * @param tokenHash the hash of the form's one-time token, claimed with the case
     * @return the case, or empty when the token was claimed before (nothing was written)
     */
    Optional<Started> start(Answers answers, Credentials credentials, String tokenHash);
}
