package org.recourse.assessment.internal.referrals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.recourse.platform.AttentionItem;
import org.recourse.platform.CaseRefs;
import org.recourse.platform.NeedsAttention;
import org.springframework.stereotype.Component;

/**
 * Hand-offs on "needs attention": a referral the organisation has not answered within the
 * follow-up time (call or mail them, then record the answer or "no response"), and one whose
 * e-mail could not be delivered (refer again by phone).
 */
@Component
class HandOffAttention implements NeedsAttention {

    private final HandOffs handOffs;
    private final CaseRefs refs;
    private final Clock clock;

    HandOffAttention(HandOffs handOffs, CaseRefs refs, Clock clock) {
        this.handOffs = handOffs;
        this.refs = refs;
        this.clock = clock;
    }

    @Override
    public Set<String> roles() {
        return Set.of("ANALYST", "COORDINATOR");
    }

    @Override
    public List<AttentionItem> waiting(int limit) {
        List<AttentionItem> items = new ArrayList<>();
        for (HandOff h : handOffs.followUpDue(clock.instant(), limit)) {
            items.add(item("assessment.attention.handoff.follow-up", h, h.followUpDueAt()));
        }
        for (HandOff h : handOffs.failed(limit)) {
            items.add(item("assessment.attention.handoff.failed", h, h.referredAt()));
        }
        return AttentionItem.longestWaitingFirst(items, limit);
    }

    private AttentionItem item(String reason, HandOff h, java.time.Instant since) {
        String href = refs.byId(h.caseId()).map(r -> r.href(HandOffSection.ANCHOR)).orElse("/staff");
        return new AttentionItem(reason, List.of(h.organisation()), h.caseId(), "assessment.attention.handoff.action", href, since);
    }
}
