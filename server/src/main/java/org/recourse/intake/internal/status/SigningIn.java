package org.recourse.intake.internal.status;

import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.intake.internal.abuse.Throttle;
import org.recourse.intake.internal.cases.CaseNumbers;
import org.recourse.intake.internal.cases.CaseRecord;
import org.recourse.intake.internal.cases.CaseRepository;
import org.recourse.intake.internal.cases.SecretHashing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a case number and secret. Wrong guesses are counted per case and per client address in
 * the database; past the limit that case or address is refused for a while, even with the right
 * secret, so neither one case nor many cases from one address can be guessed at.
 */
@Service
class SigningIn {

    sealed interface Result {
    }

    record SignedIn(UUID caseId) implements Result {
    }

    record Wrong() implements Result {
    }

    record Blocked() implements Result {
    }

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
        if (throttle.blocked(Throttle.SIGN_IN_ADDRESS, address)
                || number.map(n -> throttle.blocked(Throttle.SIGN_IN_CASE, n)).orElse(false)) {
            return new Blocked();
        }
        Optional<CaseRecord> record = number.flatMap(cases::findByNumber);
        boolean matches = secrets.matches(typedSecret, record.map(CaseRecord::secretHash).orElse(null));
        IntakeSettings.Status limits = settings.status();
        if (!matches) {
            number.ifPresent(n -> throttle.hit(Throttle.SIGN_IN_CASE, n, limits.maxFailuresPerCase(),
                    limits.failureWindow(), limits.blockDuration()));
            throttle.hit(Throttle.SIGN_IN_ADDRESS, address, limits.maxFailuresPerAddress(), limits.failureWindow(),
                    limits.blockDuration());
            return new Wrong();
        }
        UUID caseId = record.orElseThrow().id();
        transactions.executeWithoutResult(status -> {
            throttle.clear(Throttle.SIGN_IN_CASE, number.orElseThrow());
            audit.record("case.reporter-signed-in", "case", caseId.toString(), null);
        });
        return new SignedIn(caseId);
    }
}
