package org.recourse.matching.internal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.recourse.matching.internal.MatchingSettings;
import org.recourse.matching.internal.bank.Bank;
import org.recourse.matching.internal.bank.Banks;
import org.recourse.matching.internal.bank.ChangeLog;
import org.springframework.stereotype.Service;

/**
 * The hash feed partners tail to keep their copy of the banks: the additions and removals after a
 * checkpoint, in order, a page at a time. An addition whose entry was removed since is left out
 * (its removal follows), so a withdrawn hash is never handed out again.
 */
@Service
class ReadingFeed {

    /** One page: {@code checkpoint} is where the next page starts; {@code more} says whether it has changes already. */
    record Page(long checkpoint, boolean more, List<Change> changes) {
    }

    /** An addition (with its signal) or a removal (entry id only). */
    record Change(long sequence, String op, String bank, long entryId, String signalType, String signal) {
    }

    private final ChangeLog log;
    private final Banks banks;
    private final int maxPage;

    ReadingFeed(ChangeLog log, Banks banks, MatchingSettings settings) {
        this.log = log;
        this.banks = banks;
        this.maxPage = settings.api().maxFeedPage();
    }

    Page read(String checkpointParameter, Integer limitParameter) {
        long checkpoint = checkpoint(checkpointParameter);
        int limit = limitParameter == null ? maxPage : limitParameter;
        if (limit < 1 || limit > maxPage) {
            throw new MatchProblem(MatchProblem.Kind.INVALID_LIMIT, maxPage);
        }
        long latest = log.latest();
        if (checkpoint > latest) {
            throw new MatchProblem(MatchProblem.Kind.CHECKPOINT_AHEAD, checkpoint, latest);
        }
        List<ChangeLog.Change> read = log.after(checkpoint, limit);
        Map<UUID, String> names = banks.all().stream().collect(Collectors.toMap(Bank::id, Bank::name));
        List<Change> changes = new ArrayList<>(read.size());
        long next = checkpoint;
        for (ChangeLog.Change change : read) {
            next = change.seq();
            String type = change.signalType().wireName();
            if (change.op() == ChangeLog.Op.REMOVE) {
                changes.add(new Change(change.seq(), "remove", names.get(change.bankId()), change.entryId(), type, null));
            } else if (change.active()) {
                changes.add(new Change(change.seq(), "add", names.get(change.bankId()), change.entryId(), type, change.signal()));
            }
        }
        return new Page(next, read.size() == limit, changes);
    }

    private static long checkpoint(String presented) {
        if (presented == null || presented.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(presented.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below, as for a negative number.
        }
        throw new MatchProblem(MatchProblem.Kind.INVALID_CHECKPOINT);
    }
}
