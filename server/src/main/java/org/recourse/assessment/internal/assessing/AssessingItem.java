package org.recourse.assessment.internal.assessing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.assessment.internal.AssessmentSettings;
import org.recourse.assessment.internal.queue.Entries;
import org.recourse.assessment.internal.queue.Entry;
import org.recourse.assessment.internal.queue.QueueingReports;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.Cases;
import org.recourse.intake.ReportedItem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Submitting an assessment with its decision, deciding again when a decision was rejected or the
 * police had the item first, and the four-eyes confirmation. A decision whose outcome needs
 * confirmation waits, without effect, for a second analyst or coordinator; nobody confirms their
 * own decision.
 */
@Service
public class AssessingItem {

    /** The submission was refused; each problem is a message key under its field. */
    public static class Invalid extends RuntimeException {
        private final transient Map<String, String> errors;

        Invalid(Map<String, String> errors) {
            super("invalid: " + errors.keySet());
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /** The action is not possible in the entry's or decision's current state, or not for this person. */
    public static class Refused extends RuntimeException {
        private final String reason;

        Refused(String reason) {
            super(reason);
            this.reason = reason;
        }

        /** A message key explaining why. */
        public String reason() {
            return reason;
        }
    }

    private final Entries entries;
    private final Assessments assessments;
    private final Decisions decisions;
    private final DecisionEffects effects;
    private final SubmissionCheck check;
    private final AuditTrail audit;
    private final AssessmentSettings settings;
    private final Cases cases;
    private final QueueingReports queueing;
    private final Clock clock;

    AssessingItem(Entries entries, Assessments assessments, Decisions decisions, DecisionEffects effects,
                  SubmissionCheck check, AuditTrail audit, AssessmentSettings settings, Cases cases, QueueingReports queueing,
                  Clock clock) {
        this.cases = cases;
        this.queueing = queueing;
        this.entries = entries;
        this.assessments = assessments;
        this.decisions = decisions;
        this.effects = effects;
        this.check = check;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records the assessment and its decision. Only the analyst holding a live lock on the entry can
     * submit; the lock is checked and released in the same statement that moves the entry on.
     *
     * @throws Invalid when a field is missing or wrong
     * @throws Refused when {@code user} does not hold the lock (it expired, or someone else has it)
     */
    @Transactional
    public Decision submit(UUID entryId, String user, Submission submission) {
        Entry entry = entries.find(entryId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> errors = check.assessment(entry, submission);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        Outcome outcome = submission.decision().outcome();
        boolean confirm = outcome.needsConfirmation(settings.fourEyes());
        if (!entries.finishAssessing(entryId, user, confirm ? "pending_confirmation" : "decided")) {
            throw new Refused("assessment.refused.not-locked");
        }
        Instant now = clock.instant();
        Assessment assessment = new Assessment(UUID.randomUUID(), entryId, entry.caseId(), submission.legalStatus(),
                submission.forms(), submission.legalGrounds(), blankToNull(submission.substantiation()),
                submission.threatToLife(), user, now, check.answersToKeep(submission.answers()));
        assessments.insert(assessment);
        audit.record("assessment.submitted", "assessment_entry", entryId.toString(),
                "assessment " + assessment.id() + ", " + assessment.legalStatus().name());
        return decide(entry, assessment, submission.decision(), user, now);
    }

    /**
     * A new decision on an assessed entry: after a rejected one, or after the police had the item first.
     *
     * @throws Invalid when a field is missing or wrong
     * @throws Refused when the entry takes no new decision now
     */
    @Transactional
    public Decision decideAgain(UUID entryId, String user, Submission.DecisionRequest request) {
        Entry entry = entries.findForUpdate(entryId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Assessment assessment = assessments.forEntry(entryId).orElseThrow(() -> new Refused("assessment.refused.not-assessed"));
        if (!mayDecideAgain(entry)) {
            throw new Refused("assessment.refused.not-open-for-decision");
        }
        Map<String, String> errors = check.decision(entry, request, assessment.substantiation());
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        boolean confirm = request.outcome().needsConfirmation(settings.fourEyes());
        entries.changeState(entryId, confirm ? "pending_confirmation" : "decided", null);
        return decide(entry, assessment, request, user, clock.instant());
    }

    /**
     * A confirmed re-upload: the new address becomes an item of the case and an entry whose assessment
     * is the case's last effective take-down assessment, decided "take down" by the analyst who
     * confirmed the match, with the same four-eyes rule as any decision (a second person confirms
     * before any notice goes out where the rule asks for it). Without an earlier take-down decision
     * the entry waits in the queue to be assessed like any new item. Nothing happens when the case
     * already has the address (a repeated confirmation) or is withdrawn.
     *
     * @return the decision, or empty when none was made
     */
    @Transactional
    public Optional<Decision> takeDownReupload(UUID caseId, String url, String user, String note) {
        Optional<ReportedItem> added = cases.addItem(caseId, url, "re-upload confirmed by " + user);
        if (added.isEmpty()) {
            return Optional.empty();
        }
        queueing.enqueue(List.of(caseId));
        Entry entry = entries.findForUpdate(added.get().id()).orElseThrow();
        Optional<Assessment> basis = decisions.forCase(caseId).stream()
                .filter(d -> d.effective() && d.outcome() == Outcome.TAKE_DOWN)
                .max(java.util.Comparator.comparing(Decision::decidedAt))
                .flatMap(d -> assessments.find(d.assessmentId()));
        if (basis.isEmpty()) {
            return Optional.empty();
        }
        Assessment earlier = basis.get();
        Instant now = clock.instant();
        Assessment assessment = new Assessment(UUID.randomUUID(), entry.id(), caseId, earlier.legalStatus(), earlier.forms(),
                earlier.legalGrounds(), earlier.substantiation(), earlier.threatToLife(), user, now, earlier.answers());
        assessments.insert(assessment);
        audit.record("assessment.reupload-assessed", "assessment_entry", entry.id().toString(),
                "assessment " + assessment.id() + " takes assessment " + earlier.id() + " as its basis");
        Submission.DecisionRequest request = new Submission.DecisionRequest(Outcome.TAKE_DOWN, note, List.of());
        boolean confirm = request.outcome().needsConfirmation(settings.fourEyes());
        entries.changeState(entry.id(), confirm ? "pending_confirmation" : "decided", null);
        return Optional.of(decide(entry, assessment, request, user, now));
    }

    /** Rejected, or the police had it first and the analyst now decides what comes next. */
    public boolean mayDecideAgain(Entry entry) {
        if ("needs_decision".equals(entry.state())) {
            return true;
        }
        if (!"decided".equals(entry.state())) {
            return false;
        }
        List<Decision> made = decisions.forEntry(entry.id());
        return !made.isEmpty() && made.getLast().effective() && made.getLast().outcome() == Outcome.POLICE_FIRST;
    }

    /** @throws Refused when it is the confirmer's own decision, or it is no longer pending */
    @Transactional
    public void confirm(UUID decisionId, String user) {
        Decision decision = pendingFor(decisionId, user);
        Entry entry = entries.findForUpdate(decision.entryId()).orElseThrow();
        if (!decisions.confirm(decisionId, user, clock.instant())) {
            throw new Refused("assessment.refused.not-pending");
        }
        audit.record("assessment_decision.confirmed", "assessment_decision", decisionId.toString(), null);
        Assessment assessment = assessments.find(decision.assessmentId()).orElseThrow();
        effects.apply(decision, entry, assessment, user);
    }

    /** @throws Refused when it is the confirmer's own decision, or it is no longer pending */
    @Transactional
    public void reject(UUID decisionId, String user, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > SubmissionCheck.MAX_TEXT) {
            throw new Invalid(Map.of("reason", "assessment.error.rejection-reason"));
        }
        Decision decision = pendingFor(decisionId, user);
        if (!decisions.reject(decisionId, user, reason.strip(), clock.instant())) {
            throw new Refused("assessment.refused.not-pending");
        }
        entries.changeState(decision.entryId(), "needs_decision", null);
        audit.record("assessment_decision.rejected", "assessment_decision", decisionId.toString(), null);
    }

    private Decision pendingFor(UUID decisionId, String user) {
        Decision decision = decisions.find(decisionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (decision.decidedBy().equals(user)) {
            throw new Refused("assessment.refused.own-decision");
        }
        if (!decision.pending()) {
            throw new Refused("assessment.refused.not-pending");
        }
        return decision;
    }

    private Decision decide(Entry entry, Assessment assessment, Submission.DecisionRequest request, String user, Instant now) {
        boolean confirm = request.outcome().needsConfirmation(settings.fourEyes());
        Decision decision = new Decision(UUID.randomUUID(), entry.id(), assessment.id(), entry.caseId(), request.outcome(),
                confirm ? "pending" : "effective", blankToNull(request.note()), request.referrals(), user, now, null,
                confirm ? null : now, null);
        decisions.insert(decision);
        audit.record("assessment_decision.made", "assessment_decision", decision.id().toString(),
                request.outcome().code() + ", entry " + entry.id() + (confirm ? ", awaiting confirmation" : ""));
        if (!confirm) {
            effects.apply(decision, entry, assessment, null);
        }
        return decision;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
