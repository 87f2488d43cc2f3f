package org.recourse.takedown.internal.items;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.takedown.internal.notices.ChannelKind;
import org.recourse.takedown.internal.notices.PlanningNotices;
import org.recourse.takedown.internal.outbox.SendingNotices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An analyst routes an item that stalled (no recipient or no channel known, hoster changed, notice
 * undelivered) by hand: to an organisation and one of its channels from the directory, which sends
 * the notice now; or by recording a web-form submission they made themselves, which starts the
 * clock and the online checks. Routing to a channel the directory does not record for that
 * organisation is refused with the reason. Audited.
 */
@Service
public class RoutingByHand {

    /** Why routing by hand was refused, or that it was done. */
    public enum Problem {
        NOT_WAITING, UNKNOWN_ORGANISATION, NO_SUCH_CHANNEL, FORM_ADDRESS, REFERENCE, ALREADY_ROUTED_THERE
    }

    /** @param notice the notice made, when routing succeeded */
    public record Outcome(Optional<UUID> notice, Optional<Problem> problem) {

        static Outcome done(UUID notice) {
            return new Outcome(Optional.of(notice), Optional.empty());
        }

        static Outcome refused(Problem problem) {
            return new Outcome(Optional.empty(), Optional.of(problem));
        }
    }

    /** An item that waits for a person, as the routing page shows it. */
    public record Stalled(UUID id, UUID caseId, String url, String host, ItemStatus status, String recipientKey, String changedReason) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PlanningNotices planning;
    private final SendingNotices sending;
    private final AuditTrail audit;
    private final Clock clock;

    RoutingByHand(JdbcClient jdbc, Directory directory, PlanningNotices planning, SendingNotices sending, AuditTrail audit,
                  Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.planning = planning;
        this.sending = sending;
        this.audit = audit;
        this.clock = clock;
    }

    /** The item if it exists; whether it can be routed is in its status. */
    public Optional<Stalled> item(UUID itemId) {
        return jdbc.sql("select id, case_id, url, host, status, recipient_key, changed_reason from takedown_item where id = ?")
                .param(itemId).query((rs, n) -> new Stalled(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                        rs.getString("url"), rs.getString("host"), ItemStatus.fromCode(rs.getString("status")),
                        rs.getString("recipient_key"), rs.getString("changed_reason"))).optional();
    }

    public static boolean routable(ItemStatus status) {
        return status == ItemStatus.UNROUTED || status == ItemStatus.CHANGED || status == ItemStatus.UNDELIVERED;
    }

    /** Sends the item's notice now to {@code organisationKey} over {@code channel}. */
    @Transactional
    public Outcome route(UUID itemId, String organisationKey, ChannelKind channel) {
        Optional<Organisation> organisation = directory.findByKey(organisationKey);
        if (organisation.isEmpty()) {
            return Outcome.refused(Problem.UNKNOWN_ORGANISATION);
        }
        String address = channel.address(organisation.get());
        if (address == null) {
            return Outcome.refused(Problem.NO_SUCH_CHANNEL);
        }
        Optional<Problem> taken = takeOver(itemId, organisation.get());
        if (taken.isPresent()) {
            return Outcome.refused(taken.get());
        }
        UUID notice = planning.queue(organisation.get(), channel.code(), address, "first", List.of(itemId), clock.instant());
        audit.record("takedown.item-routed-by-hand", "takedown_item", itemId.toString(),
                "recipient=" + organisationKey + " channel=" + channel.code() + " notice=" + notice);
        return Outcome.done(notice);
    }

    /** Records that the analyst submitted the item through {@code formAddress} themselves and got {@code reference}. */
    @Transactional
    public Outcome recordWebForm(UUID itemId, String organisationKey, String formAddress, String reference, String analyst) {
        Optional<Organisation> organisation = directory.findByKey(organisationKey);
        if (organisation.isEmpty()) {
            return Outcome.refused(Problem.UNKNOWN_ORGANISATION);
        }
        String form = formAddress == null ? "" : formAddress.strip();
        if (!webAddress(form)) {
            return Outcome.refused(Problem.FORM_ADDRESS);
        }
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty() || ref.length() > 200) {
            return Outcome.refused(Problem.REFERENCE);
        }
        Optional<Problem> taken = takeOver(itemId, organisation.get());
        if (taken.isPresent()) {
            return Outcome.refused(taken.get());
        }
        Instant now = clock.instant();
        UUID notice = planning.queue(organisation.get(), ChannelKind.WEB_FORM.code(), form, "first", List.of(itemId), now);
        sending.markSent(notice, ref, now, analyst);
        audit.record("takedown.item-routed-by-hand", "takedown_item", itemId.toString(),
                "recipient=" + organisationKey + " channel=web form submitted by hand notice=" + notice);
        return Outcome.done(notice);
    }

    /** Locks a waiting item and gives it the chosen recipient. */
    private Optional<Problem> takeOver(UUID itemId, Organisation organisation) {
        Optional<Map<String, Object>> row = jdbc.sql("select status from takedown_item where id = ? for update").param(itemId)
                .query().listOfRows().stream().findFirst();
        if (row.isEmpty() || !routable(ItemStatus.fromCode((String) row.get().get("status")))) {
            return Optional.of(Problem.NOT_WAITING);
        }
        boolean alreadyThere = jdbc.sql("""
                        select count(*) from takedown_item t join takedown_item o
                            on o.assessment_id = t.assessment_id and o.reported_item_id = t.reported_item_id and o.id <> t.id
                        where t.id = ? and o.recipient_key = ?""")
                .params(itemId, organisation.key()).query(Long.class).single() > 0;
        if (alreadyThere) {
            return Optional.of(Problem.ALREADY_ROUTED_THERE);
        }
        jdbc.sql("""
                        update takedown_item set recipient_key = ?, recipient_source = 'manual', hoster_fingerprint = null,
                            status = 'pending', changed_reason = null
                        where id = ?""")
                .params(organisation.key(), itemId).update();
        return Optional.empty();
    }

    private static boolean webAddress(String value) {
        if (value.isEmpty() || value.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
