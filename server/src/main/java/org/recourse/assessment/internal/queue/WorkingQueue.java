package org.recourse.assessment.internal.queue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.recourse.accounts.StaffMember;
import org.recourse.accounts.StaffMembers;
import org.recourse.accounts.StaffRole;
import org.recourse.assessment.internal.AssessmentSettings;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.Cases;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking items from the queue, giving them back, and the bulk actions on several items. Every
 * change is audited; a case shows "being assessed" to its reporter once someone starts on it.
 */
@Service
public class WorkingQueue {

    /** What a bulk action did: how many entries it changed and how many it had to leave alone. */
    public record BulkResult(int done, int skipped) {
    }

    public enum BulkAction {
        CLOSE_DUPLICATE, CLOSE_NOT_ACTIONABLE, RELEASE, ASSIGN
    }

    private final Entries entries;
    private final Cases cases;
    private final StaffMembers staff;
    private final AuditTrail audit;
    private final AssessmentSettings settings;

    WorkingQueue(Entries entries, Cases cases, StaffMembers staff, AuditTrail audit, AssessmentSettings settings) {
        this.entries = entries;
        this.cases = cases;
        this.staff = staff;
        this.audit = audit;
        this.settings = settings;
    }

    public List<Entry> awaiting(QueueFilter filter) {
        return entries.awaiting(filter, 200);
    }

    public List<String> platforms() {
        return entries.platforms();
    }

    /** Locks the most urgent free entry to {@code user}, if there is one. */
    @Transactional
    public Optional<UUID> takeNext(String user) {
        while (true) {
            Optional<UUID> taken = entries.lockNext(user, settings.lockTimeout());
            if (taken.isEmpty() || stillOpen(taken.get())) {
                taken.ifPresent(id -> started(id, user));
                return taken;
            }
        }
    }

    /** Locks (or renews the lock on) one entry; false when someone else is assessing it or it was dealt with. */
    @Transactional
    public boolean take(UUID id, String user) {
        if (!entries.lock(id, user, settings.lockTimeout()) || !stillOpen(id)) {
            return false;
        }
        started(id, user);
        return true;
    }

    @Transactional
    public boolean release(UUID id, String user) {
        if (!entries.release(id, user)) {
            return false;
        }
        audit.record("assessment_entry.released", "assessment_entry", id.toString(), null);
        return true;
    }

    /**
     * Applies one action to each selected entry; an entry another analyst is assessing, or one
     * already dealt with, is skipped rather than taken from them.
     *
     * @param argument    the reason for closing, or the user name to assign to
     * @param coordinator whether {@code user} may release other people's locks
     */
    @Transactional
    public BulkResult bulk(BulkAction action, List<UUID> ids, String argument, String user, boolean coordinator) {
        if (action == BulkAction.ASSIGN && !assignable(argument)) {
            throw new IllegalArgumentException("not an active analyst or coordinator: " + argument);
        }
        if ((action == BulkAction.CLOSE_DUPLICATE || action == BulkAction.CLOSE_NOT_ACTIONABLE)
                && (argument == null || argument.isBlank())) {
            throw new IllegalArgumentException("a reason is required to close");
        }
        int done = 0;
        for (UUID id : ids) {
            if (apply(action, id, argument, user, coordinator)) {
                done++;
            }
        }
        return new BulkResult(done, ids.size() - done);
    }

    private boolean apply(BulkAction action, UUID id, String argument, String user, boolean coordinator) {
        Optional<Entry> found = entries.find(id);
        if (found.isEmpty()) {
            return false;
        }
        Entry entry = found.get();
        return switch (action) {
            case CLOSE_DUPLICATE, CLOSE_NOT_ACTIONABLE -> close(entry, action, argument.trim(), user);
            case RELEASE -> {
                boolean released = entries.release(id, coordinator ? null : user);
                if (released) {
                    audit.record("assessment_entry.released", "assessment_entry", id.toString(), "bulk");
                }
                yield released;
            }
            case ASSIGN -> {
                boolean assigned = entries.assign(id, argument.trim(), settings.lockTimeout());
                if (assigned) {
                    audit.record("assessment_entry.assigned", "assessment_entry", id.toString(), "to " + argument);
                    cases.progress(entry.caseId(), CaseStatus.BEING_ASSESSED);
                }
                yield assigned;
            }
        };
    }

    private boolean close(Entry entry, BulkAction action, String reason, String user) {
        ClosedReason.Kind kind = action == BulkAction.CLOSE_DUPLICATE ? ClosedReason.Kind.DUPLICATE : ClosedReason.Kind.NOT_ACTIONABLE;
        if (!entries.closeAwaiting(entry.id(), user, ClosedReason.stored(kind, reason))) {
            return false;
        }
        audit.record("assessment_entry.closed", "assessment_entry", entry.id().toString(), kind.code());
        if (entries.allClosed(entry.caseId())) {
            cases.progress(entry.caseId(), CaseStatus.CLOSED);
        }
        return true;
    }

    private boolean assignable(String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        return staff.findByUsername(username.trim()).filter(StaffMember::active)
                .filter(m -> m.has(StaffRole.ANALYST) || m.has(StaffRole.COORDINATOR)).isPresent();
    }

    /** A reporter may withdraw while the item waits: such an entry is closed instead of assessed. */
    private boolean stillOpen(UUID id) {
        Entry entry = entries.find(id).orElseThrow();
        if (entries.caseOpen(entry.caseId())) {
            return true;
        }
        entries.changeState(id, "closed", ClosedReason.Kind.CASE_NOT_OPEN.code());
        entries.release(id, null);
        audit.record("assessment_entry.closed", "assessment_entry", id.toString(), "case no longer open");
        return false;
    }

    private void started(UUID id, String user) {
        audit.record("assessment_entry.locked", "assessment_entry", id.toString(), "by " + user);
        entries.find(id).ifPresent(e -> cases.progress(e.caseId(), CaseStatus.BEING_ASSESSED));
    }
}
