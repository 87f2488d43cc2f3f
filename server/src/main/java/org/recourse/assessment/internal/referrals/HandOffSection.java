package org.recourse.assessment.internal.referrals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.recourse.directory.Organisation;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseSection;
import org.springframework.stereotype.Component;

/**
 * Hand-offs on the case page: each referral with what the victim agreed to share, how it went out
 * and where it stands, the buttons for the organisation's answer, the form for a new one and the
 * victim's withdrawal of consent; in the timeline, every hand-off, delivery, answer and withdrawal.
 */
@Component
class HandOffSection implements CaseSection {

    static final String ANCHOR = "referrals";

    /** What the fragment shows. */
    record Shown(String caseNumber, List<HandOff> handOffs, Map<String, String> names, List<Organisation> receivers, List<SharedItem> items,
                 List<ConsentHow> consentWays, List<HandOffStatus> outcomes, Object error, Object done, List<String> withdrawnStopped,
                 List<String> withdrawnDelivered) {
    }

    private final HandingOff handingOff;

    HandOffSection(HandingOff handingOff) {
        this.handingOff = handingOff;
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public Content content(CaseRef ref, Map<String, ?> flash) {
        List<Organisation> receivers = handingOff.receivers();
        Map<String, String> names = new java.util.HashMap<>();
        receivers.forEach(o -> names.put(o.key(), o.name()));
        List<HandOff> handOffs = handingOff.forCase(ref.id());
        return new Content(ANCHOR, "assessment.handoff.section", "assessment/handoff-section", "handoffs",
                new Shown(ref.caseNumber(), handOffs, names, receivers, Arrays.asList(SharedItem.values()),
                        Arrays.stream(ConsentHow.values()).filter(h -> h != ConsentHow.STATUS_PAGE).toList(),
                        Arrays.stream(HandOffStatus.values()).filter(HandOffStatus::isOutcome).toList(),
                        flash.get("handOffError"), flash.get("handOffDone"), named(flash.get("withdrawnStopped"), names),
                        named(flash.get("withdrawnDelivered"), names)));
    }

    /** The organisations a withdrawal named (by key, in the flash) by their directory names. */
    private static List<String> named(Object keys, Map<String, String> names) {
        if (!(keys instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).map(k -> names.getOrDefault(k, k)).toList();
    }

    @Override
    public List<Event> timeline(CaseRef ref) {
        List<Event> events = new ArrayList<>();
        for (HandOff h : handingOff.forCase(ref.id())) {
            events.add(new Event(h.referredAt(), "assessment.handoff.timeline." + h.channel().code(), h.organisation(), ref.href(ANCHOR)));
            if (h.deliveredAt() != null && h.channel() == HandOffChannel.EMAIL) {
                events.add(new Event(h.deliveredAt(), "assessment.handoff.timeline.delivered", h.organisation(), ref.href(ANCHOR)));
            }
            if (h.outcomeAt() != null) {
                events.add(new Event(h.outcomeAt(), "assessment.handoff.timeline.outcome." + h.status().code(), h.organisation(),
                        ref.href(ANCHOR)));
            }
            if (h.consentRevokedAt() != null) {
                events.add(new Event(h.consentRevokedAt(), "assessment.handoff.timeline.consent-withdrawn", h.organisation(),
                        ref.href(ANCHOR)));
            }
        }
        return events;
    }
}
