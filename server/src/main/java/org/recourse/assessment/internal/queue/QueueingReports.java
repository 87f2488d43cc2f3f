package org.recourse.assessment.internal.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.assessment.internal.CaseRouting;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.intake.CaseCircumstances;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.intake.ReportReceived;
import org.recourse.intake.ReportsReceived;
import org.recourse.intake.ReportedItem;
import org.recourse.routing.Referral;
import org.recourse.routing.RoutingAdvice;
import org.recourse.routing.RoutingFacts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts each reported item of a new case in the queue, with the facts the queue is filtered on
 * and whether the case is urgent. Urgency is routing's: the CSG's 7-day criteria are a rule
 * there, and its urgent referral is what the queue suggests.
 */
@Component
public class QueueingReports {

    private final Cases cases;
    private final Entries entries;
    private final Directory directory;
    private final CaseRouting routing;

    QueueingReports(Cases cases, Entries entries, Directory directory, CaseRouting routing) {
        this.cases = cases;
        this.entries = entries;
        this.directory = directory;
        this.routing = routing;
    }

    /**
     * Queues new cases in the transaction that creates them, so a case never exists without its
     * queue entries, and a batch of reports (the partner API commits concurrent reports together)
     * costs one more statement per table instead of a transaction of its own. If queueing fails,
     * the report is not accepted either — the caller sees an error and can retry — instead of an
     * accepted case silently missing from the queue.
     */
    @EventListener
    void on(ReportsReceived received) {
        enqueue(received.reports().stream().map(ReportReceived::caseId).toList());
    }

    /** Queues every item of the cases not queued yet (an entry's id is its item's, so queued ones stay as they are). */
    public void enqueue(List<UUID> caseIds) {
        Map<UUID, List<ReportedItem>> itemsByCase = cases.itemsOf(caseIds);
        Map<UUID, CaseCircumstances> told = cases.circumstancesOf(caseIds);
        // Reports in a batch mostly name the same few platforms: look each name and host up once.
        Map<String, Optional<Organisation>> platforms = new HashMap<>();
        List<Entry> queued = new ArrayList<>();
        List<RoutingFacts> facts = new ArrayList<>();
        for (CaseView view : cases.findAll(caseIds)) {
            List<ReportedItem> items = itemsByCase.getOrDefault(view.id(), List.of());
            CaseCircumstances circumstances = told.get(view.id());
            boolean minor = CaseRouting.minor(view, circumstances);
            CaseRouting.Judgement unjudged = CaseRouting.Judgement.unjudged(view);
            if (items.isEmpty()) {
                queued.add(entry(view, view.id(), null, null, null, minor));
                facts.add(routing.facts(view, circumstances, null, unjudged));
            }
            for (ReportedItem item : items) {
                Optional<Organisation> platform = platformOf(item, platforms);
                String name = platform.map(Organisation::name).orElse(item.platform() != null ? item.platform() : item.host());
                queued.add(entry(view, item.id(), item, name, platform.map(Organisation::key).orElse(null), minor));
                facts.add(routing.facts(view, circumstances, platform.orElse(null), unjudged));
            }
        }
        if (queued.isEmpty()) {
            return;
        }
        List<RoutingAdvice> advice = routing.adviseAll(facts);
        for (int i = 0; i < queued.size(); i++) {
            queued.set(i, withUrgency(queued.get(i), advice.get(i)));
        }
        // Not audited one by one: queueing is part of creating the case, whose case.created entry
        // records the moment; the entry row keeps when it was queued. What analysts then do with an
        // entry (assign, assess, close) is audited.
        entries.insert(queued);
    }

    private static Entry entry(CaseView view, UUID id, ReportedItem item, String platform, String platformKey, boolean minor) {
        return new Entry(id, view.id(), item == null ? null : item.id(), view.caseNumber(), view.channel().code(),
                view.forms(), platform, platformKey, null, minor, false, null,
                view.receivedAt(), "awaiting", null, null, null);
    }

    /** Urgency is routing's: an urgent referral (the CSG's 7-day criteria) or an urgent action. */
    private static Entry withUrgency(Entry e, RoutingAdvice advice) {
        Optional<Referral> urgentReferral = advice.referrals().stream().filter(Referral::urgent).findFirst();
        boolean urgent = urgentReferral.isPresent() || advice.actions().stream().anyMatch(a -> a.urgent());
        String referral = urgentReferral.map(r -> r.organisation() != null ? r.organisation().name() : r.ruleId()).orElse(null);
        return new Entry(e.id(), e.caseId(), e.itemId(), e.caseNumber(), e.channel(), e.forms(), e.platform(),
                e.platformKey(), e.url(), e.minor(), urgent, referral, e.receivedAt(), e.state(), e.closedReason(),
                e.lockedBy(), e.lockExpires());
    }

    private Optional<Organisation> platformOf(ReportedItem item, Map<String, Optional<Organisation>> looked) {
        Optional<Organisation> byName = item.platform() == null || item.platform().isBlank() ? Optional.empty()
                : looked.computeIfAbsent("name:" + item.platform().trim(), k -> directory.findByName(item.platform().trim()));
        if (byName.isPresent() || item.host() == null) {
            return byName;
        }
        return looked.computeIfAbsent("host:" + item.host(), k -> directory.findByDomain(item.host()));
    }
}
