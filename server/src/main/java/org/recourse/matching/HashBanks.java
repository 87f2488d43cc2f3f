package org.recourse.matching;

import java.util.List;
import java.util.UUID;

/**
 * Banks signals and takes them out again. Every addition and removal reaches each node's index
 * and the partners' feed. Nothing of a case on the child-abuse route is banked: that material
 * goes to the CSAM hotline.
 */
public interface HashBanks {

    /** The bank victims' and analysts' entries go to unless another is named. */
    String DEFAULT_BANK = "NCII";

    /**
     * Banks the signals, each on its own: a signal that cannot be banked is refused with its reason
     * and the others are still added. A signal already active in the bank for the same case (or
     * the same import source) is not added twice; its entry id is returned. Audited.
     */
    BankingResult bank(NewEntries entries);

    /**
     * Takes every active entry of a case out of the banks, erasing its signal and its link to the
     * case. Audited; returns how many entries were removed.
     */
    int removeForCase(UUID caseId, RemovalReason reason);

    /** How many of a case's entries are active in the banks. */
    long activeEntries(UUID caseId);

    /** Why nothing of this case can be banked (child-abuse route, closed case), or empty when its hashes are welcome. */
    java.util.Optional<RefusalReason> caseRefusal(UUID caseId);

    /** Takes one entry out (staff); false if it was not active. */
    boolean disable(long entryId);

    /** A signal to bank; {@code quality} is PDQ's 1–100 where known, null otherwise. */
    record NewSignal(SignalType type, String hex, Integer quality) {
    }

    /**
     * @param caseId     the case the signals belong to, or null (imports)
     * @param evidenceId the evidence they were computed from, or null
     * @param sourceName who supplied them (an exchange partner's name), or null
     */
    record NewEntries(String bank, EntrySource source, String sourceName, UUID caseId, UUID evidenceId,
                      List<NewSignal> signals) {

        public NewEntries {
            signals = List.copyOf(signals);
        }
    }

    /** Entry ids by position in the request (null where refused), and the refusals. */
    record BankingResult(List<Long> entryIds, List<Refusal> refused) {
    }

    /** The signal at {@code position} was not banked, for {@code reason}. */
    record Refusal(int position, RefusalReason reason) {
    }

    enum RefusalReason {
        MALFORMED_HEX,
        WRONG_LENGTH,
        /** PDQ quality 0, or the all-zero hash a blank image gives: it would match unrelated images. */
        QUALITY_ZERO,
        /** A PDQ quality outside 0–100. */
        INVALID_QUALITY,
        CHILD_ABUSE_ROUTE,
        CASE_CLOSED,
        UNKNOWN_BANK
    }

    enum RemovalReason { WITHDRAWAL, RETENTION, DISABLED_BY_STAFF }
}
