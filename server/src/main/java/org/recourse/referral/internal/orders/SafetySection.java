package org.recourse.referral.internal.orders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseRefs;
import org.recourse.platform.CaseSection;
import org.springframework.stereotype.Component;

/**
 * Safety on the case page: the protection orders recorded for the victim, with the accounts they
 * bind and their dates; possible breaches (reports naming those accounts); the check-in when an
 * order ends; and the form to record an order.
 */
@Component
class SafetySection implements CaseSection {

    static final String ANCHOR = "safety";

    record BreachLine(ProtectionOrders.Breach breach, String caseNumber, String orderCaseNumber) {
    }

    record Shown(String caseNumber, List<ProtectionOrder> orders, List<BreachLine> breaches, List<OrderKind> kinds,
                 Map<?, ?> errors, Object form, Object done) {
    }

    private final ProtectionOrders orders;
    private final CaseRefs refs;

    SafetySection(ProtectionOrders orders, CaseRefs refs) {
        this.orders = orders;
        this.refs = refs;
    }

    @Override
    public int order() {
        return 27;
    }

    @Override
    public Content content(CaseRef ref, Map<String, ?> flash) {
        List<BreachLine> breaches = orders.breachesOf(ref.id()).stream()
                .map(b -> new BreachLine(b, number(b.caseId()), number(b.orderCaseId()))).toList();
        return new Content(ANCHOR, "referral.safety.section", "referral/safety-section", "safety",
                new Shown(ref.caseNumber(), orders.forCase(ref.id()), breaches, Arrays.asList(OrderKind.values()),
                        flash.get("orderErrors") instanceof Map<?, ?> errors ? errors : Map.of(), flash.get("orderForm"),
                        flash.get("orderDone")));
    }

    @Override
    public List<Event> timeline(CaseRef ref) {
        List<Event> events = new ArrayList<>();
        for (ProtectionOrder o : orders.forCase(ref.id())) {
            events.add(new Event(o.recordedAt(), "referral.timeline.order-recorded." + o.kind().code(), null, ref.href(ANCHOR)));
            if (o.checkedInAt() != null) {
                events.add(new Event(o.checkedInAt(), "referral.timeline.order-checked-in", null, ref.href(ANCHOR)));
            }
        }
        for (ProtectionOrders.Breach b : orders.breachesOf(ref.id())) {
            events.add(new Event(b.foundAt(), "referral.timeline.possible-breach", b.account(), ref.href(ANCHOR)));
        }
        return events;
    }

    private String number(java.util.UUID caseId) {
        return refs.byId(caseId).map(CaseRef::caseNumber).orElse("?");
    }
}
