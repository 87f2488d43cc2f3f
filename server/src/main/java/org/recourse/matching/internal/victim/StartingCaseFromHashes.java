package org.recourse.matching.internal.victim;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import org.recourse.intake.CasesFromHashes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a case from the hashing page with only the hashes (intake's {@link CasesFromHashes}) and
 * banks them for it with source VICTIM, in one transaction: the case, its form token, its queue
 * entry and its bank entries exist together or not at all, and a token claimed before starts and
 * banks nothing.
 */
@Service
class StartingCaseFromHashes {

    /** What the confirmation shows besides the secret; kept in the session. */
    record Shown(String caseNumber, BankingVictimHashes.Outcome outcome) implements Serializable {
    }

    private final CasesFromHashes cases;
    private final BankingVictimHashes banking;

    StartingCaseFromHashes(CasesFromHashes cases, BankingVictimHashes banking) {
        this.cases = cases;
        this.banking = banking;
    }

    /** @return the case with what was banked, or empty when the token was claimed before (nothing written) */
    @Transactional
    Optional<Started> start(CasesFromHashes.Answers answers, CasesFromHashes.Credentials credentials, String tokenHash,
                            List<BankingVictimHashes.ImageHashes> images) {
        return cases.start(answers, credentials, tokenHash)
                .map(started -> new Started(started, banking.bank(started.caseId(), images)));
    }

    record Started(CasesFromHashes.Started started, BankingVictimHashes.Outcome outcome) {
    }
}
