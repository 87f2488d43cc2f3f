package org.recourse.intake.internal.status;

import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.platform.Throttle;
import org.recourse.intake.internal.cases.CaseNumbers;
import org.recourse.intake.internal.cases.CaseRecord;
import org.recourse.intake.internal.cases.CaseRepository;
import org.recourse.intake.internal.cases.SecretHashing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a case number and secret. Wrong guesses are counted in the database per case <em>and</em>
 * client address, and per address across cases. From one address, a case is refused for a
 * growing while after a few wrong secrets (30 s, then 1, 2, 4 … up to 15 minutes), and an address
 * that guesses at many cases is refused altogether for a while. No count is kept per case alone:
 * an attacker could otherwise lock the victim out of her own status page from anywhere, and with
 * a 100-bit secret the per-address limits already make guessing hopeless.
 */
@Service
class SigningIn {

    sealed interface Result {
    }

    record SignedIn(UUID caseId) implements Result {
    }

    record Wrong() implements Result {
    }

    /** Refused without checking; {@code until} says when this address may try this case again. */
    record Blocked(java.time.Instant until) implements Result {
    }

    /** How long wrong guesses at one case from one address are remembered. */
    static final java.time.Duration MEMORY = java.time.Duration.ofHours(24);
    static final java.time.Duration FIRST_BLOCK = java.time.Duration.ofSeconds(30);

    private final CaseRepository cases;
    private final SecretHashing secrets;
    private final Throttle throttle;
    private final IntakeSettings settings;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    SigningIn(CaseRepository cases, SecretHashing secrets, Throttle throttle, IntakeSettings settings, AuditTrail audit,
              TransactionTemplate transactions) {
        this.transactions = transactions;
        this.cases = cases;
        this.secrets = secrets;
        this.throttle = throttle;
        this.settings = settings;
        this.audit = audit;
    }

    Result signIn(String typedNumber, String typedSecret, String clientAddress) {
        String address = throttle.addressSubject(clientAddress);
        Optional<String> number = CaseNumbers.parse(typedNumber);
        Optional<String> caseFromHere = number.map(n -> n + "|" + address);
        Optional<java.time.Instant> blocked = throttle.blockedUntil(Throttle.SIGN_IN_ADDRESS, address)
                .or(() -> caseFromHere.flatMap(s -> throttle.blockedUntil(Throttle.SIGN_IN_CASE_ADDRESS, s)));
        if (blocked.isPresent()) {
            return new Blocked(blocked.get());
        }
        Optional<CaseRecord> record = number.flatMap(cases::findByNumber);
        boolean matches = secrets.matches(typedSecret, record.map(CaseRecord::secretHash).orElse(null));
        IntakeSettings.Status limits = settings.status();
        if (!matches) {
            Optional<java.time.Instant> caseBlocked = caseFromHere.flatMap(s -> throttle.hitGrowing(
                    Throttle.SIGN_IN_CASE_ADDRESS, s, limits.maxFailuresPerCase(), MEMORY, FIRST_BLOCK, limits.blockDuration()));
            throttle.hit(Throttle.SIGN_IN_ADDRESS, address, limits.maxFailuresPerAddress(), limits.failureWindow(),
                    limits.blockDuration());
            return caseBlocked.<Result>map(Blocked::new).orElseGet(Wrong::new);
        }
        UUID caseId = record.orElseThrow().id();
        transactions.executeWithoutResult(status -> {
            throttle.clear(Throttle.SIGN_IN_CASE_ADDRESS, caseFromHere.orElseThrow());
            audit.record("case.reporter-signed-in", "case", caseId.toString(), null);
        });
        return new SignedIn(caseId);
    }
}
