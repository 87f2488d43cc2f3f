package org.recourse.assessment.internal.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.recourse.assessment.internal.CaseRouting;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.intake.ReportReceived;
import org.recourse.intake.ReportedItem;
import org.recourse.routing.Referral;
import org.recourse.routing.RoutingAdvice;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts each reported item of a new case in the queue, with the facts the queue is filtered on
 * and whether the case is urgent. Urgency is routing's: the CSG's 7-day criteria are a rule
 * there, and its urgent referral is what the queue suggests.
 */
@Component
class QueueingReports {

    private final Cases cases;
    private final Entries entries;
    private final Directory directory;
    private final CaseRouting routing;
    private final AuditTrail audit;

    QueueingReports(Cases cases, Entries entries, Directory directory, CaseRouting routing, AuditTrail audit) {
        this.cases = cases;
        this.entries = entries;
        this.directory = directory;
        this.routing = routing;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(ReportReceived received) {
        AuditActor.runAs("system:assessment-queue", () -> enqueue(received.caseId()));
    }

    void enqueue(UUID caseId) {
        CaseView view = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
        List<ReportedItem> items = cases.items(caseId);
        boolean minor = routing.minor(view);
        List<Entry> queued = new ArrayList<>();
        if (items.isEmpty()) {
            queued.add(entry(view, caseId, null, null, null, minor));
        }
        for (ReportedItem item : items) {
            Optional<Organisation> platform = platformOf(item);
            String name = platform.map(Organisation::name).orElse(item.platform() != null ? item.platform() : item.host());
            queued.add(entry(view, item.id(), item, name, platform.map(Organisation::key).orElse(null), minor));
        }
        for (Entry entry : queued) {
            if (entries.insert(entry)) {
                audit.record("assessment_entry.queued", "assessment_entry", entry.id().toString(),
                        "case " + caseId + (entry.urgent() ? ", urgent" : ""));
            }
        }
    }

    private Entry entry(CaseView view, UUID id, ReportedItem item, String platform, String platformKey, boolean minor) {
        RoutingAdvice advice = routing.advise(view, platformKey, CaseRouting.Judgement.unjudged(view));
        Optional<Referral> urgentReferral = advice.referrals().stream().filter(Referral::urgent).findFirst();
        boolean urgent = urgentReferral.isPresent() || advice.actions().stream().anyMatch(a -> a.urgent());
        String referral = urgentReferral.map(r -> r.organisation() != null ? r.organisation().name() : r.ruleId()).orElse(null);
        return new Entry(id, view.id(), item == null ? null : item.id(), view.caseNumber(), view.channel().code(),
                view.forms(), platform, platformKey, null, minor, urgent, referral,
                view.receivedAt(), "awaiting", null, null, null);
    }

    private Optional<Organisation> platformOf(ReportedItem item) {
        Optional<Organisation> byName = item.platform() == null || item.platform().isBlank() ? Optional.empty()
                : directory.findByName(item.platform().trim());
        if (byName.isPresent() || item.host() == null) {
            return byName;
        }
        return directory.findByDomain(item.host());
    }
}
