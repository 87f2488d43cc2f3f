package org.recourse.assessment.internal.assessing;

import java.util.Optional;
import java.util.UUID;

import org.recourse.assessment.internal.queue.Entries;
import org.recourse.assessment.internal.queue.Entry;
import org.recourse.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening an entry's page, which shows the reporter's words: every view is audited. */
@Service
class ViewingEntries {

    private final Entries entries;
    private final AuditTrail audit;

    ViewingEntries(Entries entries, AuditTrail audit) {
        this.entries = entries;
        this.audit = audit;
    }

    @Transactional
    Optional<Entry> open(UUID entryId) {
        Optional<Entry> entry = entries.find(entryId);
        entry.ifPresent(e -> audit.record("assessment_entry.viewed", "assessment_entry", entryId.toString(), null));
        return entry;
    }
}
