package org.recourse.matching.internal.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

import org.recourse.intake.PartnerKeys;
import org.recourse.matching.Signal;
import org.recourse.matching.SignalType;
import org.recourse.matching.internal.MatchingSettings;
import org.recourse.matching.internal.index.MatchIndex;
import org.springframework.stereotype.Service;

/**
 * Looks signals up in this node's index for a platform: checks what was sent (type, hex, length,
 * quality), refuses while the index is still being built, and counts the look-ups per key for the
 * audit trail.
 */
@Service
class LookingUp {

    private static final String ALL_ZERO = "0".repeat(64);

    private final MatchIndex index;
    private final LookupCounts counts;
    private final int maxBatch;
    /**
     * A batch is pure computation (a tenth of a second of a core at 1 M hashes, a third at 10 M) with tens
     * of megabytes of working space: more batches at once than cores only take more memory and
     * finish no sooner, so the rest wait their turn, in order.
     */
    private final Semaphore batchesAtOnce = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    LookingUp(MatchIndex index, LookupCounts counts, MatchingSettings settings) {
        this.index = index;
        this.counts = counts;
        this.maxBatch = settings.api().maxBatch();
    }

    List<MatchIndex.Hit> lookup(PartnerKeys.PartnerKey caller, String signalType, String signal, Integer quality,
                                String banks, boolean enabledOnly) {
        Signal checked = signal(type(signalType), signal, quality);
        requireReady();
        counts.add(caller, 1);
        return index.lookup(checked, bankNames(banks), enabledOnly);
    }

    List<List<MatchIndex.Hit>> batch(PartnerKeys.PartnerKey caller, String signalType, List<String> signals, String banks) {
        SignalType type = type(signalType);
        if (signals == null || signals.isEmpty()) {
            throw new MatchProblem(MatchProblem.Kind.BATCH_EMPTY);
        }
        if (signals.size() > maxBatch) {
            throw new MatchProblem(MatchProblem.Kind.BATCH_TOO_LARGE, signals.size(), maxBatch);
        }
        List<Signal> checked = new ArrayList<>(signals.size());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            try {
                checked.add(signal(type, signals.get(i), null));
            } catch (MatchProblem problem) {
                errors.add(MatchProblems.error(i, problem.kind()));
            }
        }
        if (!errors.isEmpty()) {
            throw new MatchProblem(MatchProblem.Kind.INVALID_BATCH, errors, errors.size());
        }
        requireReady();
        counts.add(caller, checked.size());
        Set<String> only = bankNames(banks);
        batchesAtOnce.acquireUninterruptibly();
        try {
            return index.lookupAll(checked, only, false);
        } finally {
            batchesAtOnce.release();
        }
    }

    static SignalType type(String name) {
        if (name == null || name.isBlank()) {
            throw new MatchProblem(MatchProblem.Kind.MISSING_SIGNAL);
        }
        return SignalType.fromWireName(name)
                .orElseThrow(() -> new MatchProblem(MatchProblem.Kind.UNKNOWN_SIGNAL_TYPE, name.length() > 40 ? name.substring(0, 40) : name));
    }

    static Signal signal(SignalType type, String hex, Integer quality) {
        if (hex == null || hex.isBlank()) {
            throw new MatchProblem(MatchProblem.Kind.MISSING_SIGNAL);
        }
        Signal.Parsed parsed = Signal.parse(type, hex);
        if (parsed instanceof Signal.Invalid invalid) {
            throw invalid.problem() == Signal.Problem.WRONG_LENGTH
                    ? new MatchProblem(MatchProblem.Kind.WRONG_LENGTH, type.wireName(), type.hexLength(), hex.strip().length())
                    : new MatchProblem(MatchProblem.Kind.MALFORMED_HEX);
        }
        Signal valid = ((Signal.Valid) parsed).signal();
        if (type == SignalType.PDQ && quality != null && (quality < 0 || quality > 100)) {
            throw new MatchProblem(MatchProblem.Kind.INVALID_QUALITY);
        }
        if (type == SignalType.PDQ && (Integer.valueOf(0).equals(quality) || ALL_ZERO.equals(valid.hex()))) {
            throw new MatchProblem(MatchProblem.Kind.QUALITY_ZERO);
        }
        return valid;
    }

    private void requireReady() {
        if (!index.ready()) {
            throw new MatchProblem(MatchProblem.Kind.INDEX_NOT_READY);
        }
    }

    private static Set<String> bankNames(String banks) {
        if (banks == null || banks.isBlank()) {
            return null;
        }
        return new LinkedHashSet<>(Arrays.stream(banks.split(",")).map(String::strip).filter(b -> !b.isEmpty()).toList());
    }

    MatchIndex.Status status() {
        return index.status();
    }
}
