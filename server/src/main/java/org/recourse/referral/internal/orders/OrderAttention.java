package org.recourse.referral.internal.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.recourse.platform.AttentionItem;
import org.recourse.platform.CaseRefs;
import org.recourse.platform.NeedsAttention;
import org.springframework.stereotype.Component;

/**
 * Protection orders on "needs attention": a possible breach (urgent: a report named an account the
 * order binds — bring it to the police), and an order that ends within a week without a recorded
 * check-in with the victim.
 */
@Component
class OrderAttention implements NeedsAttention {

    static final int CHECK_IN_DAYS_BEFORE = 7;

    private final ProtectionOrders orders;
    private final RecordingOrders recording;
    private final CaseRefs refs;

    OrderAttention(ProtectionOrders orders, RecordingOrders recording, CaseRefs refs) {
        this.orders = orders;
        this.recording = recording;
        this.refs = refs;
    }

    @Override
    public Set<String> roles() {
        return Set.of("ANALYST", "COORDINATOR");
    }

    @Override
    public List<AttentionItem> waiting(int limit) {
        List<AttentionItem> items = new ArrayList<>();
        for (ProtectionOrders.Breach b : orders.openBreaches(limit)) {
            String orderCase = refs.byId(b.orderCaseId()).map(r -> r.caseNumber()).orElse("?");
            items.add(new AttentionItem("referral.attention.breach." + b.kind().code(), List.of(b.account(), orderCase), b.caseId(),
                    "referral.attention.breach.action", refs.byId(b.orderCaseId()).map(r -> r.href(SafetySection.ANCHOR)).orElse("/staff"),
                    b.foundAt()));
        }
        for (ProtectionOrder o : orders.endingWithoutCheckIn(recording.today().plusDays(CHECK_IN_DAYS_BEFORE), limit)) {
            items.add(new AttentionItem("referral.attention.order-ends", List.of(o.endsOn().toString()), o.caseId(),
                    "referral.attention.order-ends.action", refs.byId(o.caseId()).map(r -> r.href(SafetySection.ANCHOR)).orElse("/staff"),
                    o.endsOn().minusDays(CHECK_IN_DAYS_BEFORE).atStartOfDay(RecordingOrders.ZONE).toInstant()));
        }
        return AttentionItem.longestWaitingFirst(items, limit);
    }
}
