package org.recourse.takedown.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.takedown.internal.items.RoutingByHand;
import org.recourse.takedown.internal.notices.ChannelKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the routing page offers for a stalled item: the item, its case number and every organisation with the channels the directory records. */
@Service
class RoutingChoices {

    /** A channel of an organisation, with its address. */
    record Channel(ChannelKind kind, String address) {
    }

    /** An organisation to choose; {@code channels} is empty when none is known. */
    record Choice(String key, String name, List<Channel> channels) {
    }

    /** @param recipient the organisation the item was routed to, if any (e.g. one whose channel is unknown) */
    record Page(RoutingByHand.Stalled item, String caseNumber, Organisation recipient, List<Choice> organisations) {

        public boolean routable() {
            return RoutingByHand.routable(item.status());
        }

        /** The name of the organisation with {@code key}, or the key itself when there is none. */
        public String nameOf(String key) {
            return organisations.stream().filter(o -> o.key().equals(key)).map(Choice::name).findFirst().orElse(key);
        }
    }

    private final RoutingByHand routing;
    private final Directory directory;
    private final Cases cases;
    private final AuditTrail audit;

    RoutingChoices(RoutingByHand routing, Directory directory, Cases cases, AuditTrail audit) {
        this.routing = routing;
        this.directory = directory;
        this.cases = cases;
        this.audit = audit;
    }

    @Transactional
    Optional<Page> page(UUID itemId) {
        Optional<RoutingByHand.Stalled> item = routing.item(itemId);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        List<Choice> choices = new ArrayList<>();
        for (Organisation organisation : directory.all()) {
            List<Channel> channels = new ArrayList<>();
            for (ChannelKind kind : ChannelKind.values()) {
                String address = kind.address(organisation);
                if (address != null) {
                    channels.add(new Channel(kind, address));
                }
            }
            choices.add(new Choice(organisation.key(), organisation.name(), channels));
        }
        Organisation recipient = item.get().recipientKey() == null ? null : directory.findByKey(item.get().recipientKey()).orElse(null);
        audit.record("takedown.item-viewed", "takedown_item", itemId.toString(), "routing page");
        return Optional.of(new Page(item.get(), cases.find(item.get().caseId()).map(CaseView::caseNumber).orElse(null), recipient,
                choices));
    }
}
