package org.recourse.assessment.internal.assessing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.recourse.assessment.internal.queue.Entries;
import org.recourse.assessment.internal.queue.Entry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The decisions waiting for a second person, each with its case and the address it is about. */
@Service
class DecisionsToConfirm {

    /** Pending decisions, and the entries they are about by id (case number, address). */
    record Pending(List<Decision> decisions, Map<UUID, Entry> entries) {
    }

    private final Decisions decisions;
    private final Entries entries;

    DecisionsToConfirm(Decisions decisions, Entries entries) {
        this.decisions = decisions;
        this.entries = entries;
    }

    @Transactional(readOnly = true)
    Pending list() {
        List<Decision> pending = decisions.pending();
        return new Pending(pending, entries.findAll(pending.stream().map(Decision::entryId).distinct().toList()));
    }
}
