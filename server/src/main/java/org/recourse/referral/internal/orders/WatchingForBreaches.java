package org.recourse.referral.internal.orders;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;

import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.Cases;
import org.recourse.intake.ReportReceived;
import org.recourse.intake.ReportedItem;
import org.recourse.intake.ReportsReceived;
import org.recourse.platform.TimeOrderedIds;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Looks at every new report for accounts a running protection order binds: online contact by the
 * person an order binds is a possible breach, flagged as urgent for the police on "needs attention".
 */
@Component
class WatchingForBreaches {

    private final ProtectionOrders orders;
    private final Cases cases;
    private final AuditTrail audit;

    WatchingForBreaches(ProtectionOrders orders, Cases cases, AuditTrail audit) {
        this.orders = orders;
        this.cases = cases;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(ReportsReceived received) {
        // Most hotlines record few orders: without one running, a batch of reports costs one small query.
        LocalDate first = received.reports().stream().map(r -> r.receivedAt().atZone(RecordingOrders.ZONE).toLocalDate())
                .min(LocalDate::compareTo).orElse(null);
        if (first == null || !orders.anyRunningSince(first)) {
            return;
        }
        Map<UUID, List<ReportedItem>> items = cases.itemsOf(received.reports().stream().map(ReportReceived::caseId).toList());
        AuditActor.runAs("system:protection-orders", () -> {
            for (ReportReceived report : received.reports()) {
                look(report, items.getOrDefault(report.caseId(), List.of()));
            }
        });
    }

    private void look(ReportReceived report, List<ReportedItem> items) {
        Set<String> named = new LinkedHashSet<>();
        for (ReportedItem item : items) {
            named.addAll(Accounts.named(item.account(), item.url()));
        }
        if (named.isEmpty()) {
            return;
        }
        LocalDate day = report.receivedAt().atZone(RecordingOrders.ZONE).toLocalDate();
        for (ProtectionOrder order : orders.binding(named, day, report.caseId())) {
            String account = order.boundAccounts().stream().filter(named::contains).findFirst().orElseThrow();
            if (orders.breach(TimeOrderedIds.next(), order.id(), report.caseId(), account, report.receivedAt())) {
                audit.record("protection-order.possible-breach", "case", report.caseId().toString(),
                        "order-case=" + order.caseId() + " kind=" + order.kind().code());
            }
        }
    }
}
