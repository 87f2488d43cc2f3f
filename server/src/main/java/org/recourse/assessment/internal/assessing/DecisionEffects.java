package org.recourse.assessment.internal.assessing;

import java.time.Clock;
import java.time.Instant;

import org.recourse.assessment.ReferralMade;
import org.recourse.assessment.TakedownDecided;
import org.recourse.assessment.internal.grounds.LegalGrounds;
import org.recourse.assessment.internal.queue.Entries;
import org.recourse.assessment.internal.queue.Entry;
import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.evidence.EvidenceVault;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.Cases;
import org.recourse.taxonomy.ViolenceForm;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a decision does once it takes effect — never before: hands the item to takedown, records
 * who the case went to (police, CSAM hotline, ATKM, help organisations), seals the evidence of a
 * CSAM case, or closes the entry. Runs in the transaction that made the decision effective.
 */
@Component
class DecisionEffects {

    static final String POLICE = "politie";
    static final String CSAM_HOTLINE = "meldpunt-kinderporno";
    static final String ATKM = "atkm";

    private final Entries entries;
    private final Decisions decisions;
    private final LegalGrounds grounds;
    private final Directory directory;
    private final EvidenceVault vault;
    private final Cases cases;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    DecisionEffects(Entries entries, Decisions decisions, LegalGrounds grounds, Directory directory, EvidenceVault vault,
                    Cases cases, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.entries = entries;
        this.decisions = decisions;
        this.grounds = grounds;
        this.directory = directory;
        this.vault = vault;
        this.cases = cases;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    private void refer(Decision decision, Entry entry, String kind, String organisationKey, boolean urgent, Instant at) {
        decisions.refer(decision.id(), entry.caseId(), entry.id(), kind, name(organisationKey), urgent, at);
        events.publishEvent(new ReferralMade(entry.caseId(), kind, organisationKey, urgent, at));
    }

    void apply(Decision decision, Entry entry, Assessment assessment, String confirmedBy) {
        Instant now = clock.instant();
        for (String key : decision.referrals()) {
            refer(decision, entry, "help", key, false, now);
        }
        switch (decision.outcome()) {
            case TAKE_DOWN -> events.publishEvent(new TakedownDecided(assessment.id(), entry.caseId(), entry.itemId(),
                    entry.url(), entry.platformKey(), assessment.legalStatus().name(), assessment.forms(),
                    grounds.citations(assessment.legalGrounds()), assessment.substantiation(),
                    assessment.forms().contains(ViolenceForm.CHILD_SEXUAL_ABUSE_MATERIAL), decision.decidedBy(),
                    confirmedBy, now));
            case POLICE_FIRST -> refer(decision, entry, "police", POLICE, false, now);
            case THREAT_TO_LIFE -> refer(decision, entry, "police", POLICE, true, now);
            case CSAM -> {
                refer(decision, entry, "csam", CSAM_HOTLINE, true, now);
                refer(decision, entry, "police", POLICE, true, now);
                refer(decision, entry, "regulator", ATKM, true, now);
                vault.seal(entry.caseId(), "child sexual abuse material handed off (decision " + decision.id() + ")");
            }
            default -> {
            }
        }
        if (decision.outcome() == Outcome.CLOSE) {
            entries.changeState(entry.id(), "closed", decision.note());
            if (entries.allClosed(entry.caseId())) {
                cases.progress(entry.caseId(), CaseStatus.CLOSED);
            }
        } else {
            entries.changeState(entry.id(), "decided", null);
        }
        audit.record("assessment_decision.took_effect", "assessment_decision", decision.id().toString(),
                decision.outcome().code() + (confirmedBy == null ? "" : ", confirmed"));
    }

    private String name(String key) {
        return directory.findByKey(key).map(Organisation::name).orElse(key);
    }
}
