package org.recourse.takedown.internal.notices;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Hosting;
import org.recourse.directory.Organisation;
import org.recourse.platform.Outbox;
import org.recourse.platform.OutboxTopic;
import org.recourse.takedown.internal.TakedownSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups items per recipient into notices and puts them in the outbox: an item's first notice
 * once it has waited {@code firstWithin} (so items decided close together go in one notice), a
 * re-notice {@code renoticeAfter} the previous one while it is still online. Nothing is planned
 * on a blocked day. Items are locked with SKIP LOCKED, so two nodes planning at once never put
 * the same item in two notices.
 */
@Service
public class PlanningNotices {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom random = new SecureRandom();
    /** The outbox topic notices are sent under (the sender is the outbox package's SendingNotices). */
    public static final OutboxTopic NOTICE_TOPIC = new OutboxTopic("takedown.notice");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final NoticeTemplates templates;
    private final NoticeContents contents;
    private final NoticeRenderer renderer;
    private final HosterCheck hosterCheck;
    private final Hosting hosting;
    private final TakedownSettings settings;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    PlanningNotices(JdbcClient jdbc, Directory directory, NoticeTemplates templates, NoticeContents contents,
                    NoticeRenderer renderer, HosterCheck hosterCheck, Hosting hosting, TakedownSettings settings, AuditTrail audit,
                    Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.templates = templates;
        this.contents = contents;
        this.renderer = renderer;
        this.hosterCheck = hosterCheck;
        this.hosting = hosting;
        this.settings = settings;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return the notices created */
    @Transactional
    public List<UUID> plan() {
        Instant now = clock.instant();
        if (settings.notices().blocked(now.atZone(settings.notices().zone()).toLocalDate())) {
            return List.of();
        }
        List<UUID> created = new ArrayList<>();
        releaseConfirmed();
        Timestamp firstCutoff = Timestamp.from(now.minus(settings.notices().firstWithin()));
        Timestamp renoticeCutoff = Timestamp.from(now.minus(settings.notices().renoticeAfter()));
        // Whole recipients are due once their oldest waiting item is due; all their waiting items go along.
        Map<String, List<Map<String, Object>>> first = group(jdbc.sql("""
                        select id, recipient_key, recipient_source, hoster_fingerprint, url from takedown_item i
                        where status = 'pending' and recipient_key in (
                            select recipient_key from takedown_item where status = 'pending' group by recipient_key
                            having min(decided_at) <= ?)
                        order by decided_at for update skip locked""")
                .param(firstCutoff).query().listOfRows());
        first.forEach((recipient, items) -> create(recipient, "first", items, now).ifPresent(created::add));
        Map<String, List<Map<String, Object>>> again = group(jdbc.sql("""
                        select id, recipient_key, recipient_source, hoster_fingerprint, url from takedown_item
                        where status = 'notified' and last_notified_at <= ? and first_notified_at is not null
                        order by decided_at for update skip locked""")
                .param(renoticeCutoff).query().listOfRows());
        again.forEach((recipient, items) -> create(recipient, "renotice", items, now).ifPresent(created::add));
        return created;
    }

    /**
     * Items that waited for an analyst to confirm their hoster go ahead once it is confirmed, and
     * items whose recipient had no known channel once the directory records one.
     */
    private void releaseConfirmed() {
        List<String> withoutChannel = jdbc.sql("select distinct recipient_key from takedown_item where status = 'unrouted' "
                + "and recipient_source <> 'hosting' and recipient_key is not null").query(String.class).list();
        List<String> nowKnown = withoutChannel.stream()
                .filter(key -> directory.findByKey(key).map(Organisation::noticeChannelKnown).orElse(false)).toList();
        if (!nowKnown.isEmpty()) {
            jdbc.sql("update takedown_item set status = 'pending' where status = 'unrouted' and recipient_source <> 'hosting' "
                    + "and recipient_key = any(?)").param(nowKnown.toArray(String[]::new)).update();
        }
        List<String> waiting = jdbc.sql("select distinct recipient_key from takedown_item where status = 'unrouted' "
                + "and recipient_source = 'hosting' and recipient_key is not null").query(String.class).list();
        if (!waiting.isEmpty()) {
            jdbc.sql("update takedown_item set status = 'pending' where status = 'unrouted' and recipient_source = 'hosting' and recipient_key = any(?)")
                    .param(hosting.confirmed(waiting).toArray(String[]::new)).update();
        }
    }

    private static Map<String, List<Map<String, Object>>> group(List<Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> byRecipient = new LinkedHashMap<>();
        rows.forEach(row -> byRecipient.computeIfAbsent((String) row.get("recipient_key"), k -> new ArrayList<>()).add(row));
        return byRecipient;
    }

    Optional<UUID> create(String recipientKey, String kind, List<Map<String, Object>> rows, Instant now) {
        List<UUID> itemIds = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            UUID itemId = (UUID) row.get("id");
            Optional<String> moved = hosterCheck.moved((String) row.get("recipient_source"), (String) row.get("url"),
                    (String) row.get("hoster_fingerprint"));
            if (moved.isPresent()) {
                jdbc.sql("update takedown_item set status = 'changed', changed_reason = ? where id = ?")
                        .params(moved.get(), itemId).update();
                audit.record("takedown.item-changed", "takedown_item", itemId.toString(), "hoster changed before notice");
            } else {
                itemIds.add(itemId);
            }
        }
        Optional<Organisation> found = directory.findByKey(recipientKey);
        if (itemIds.isEmpty() || found.isEmpty()) {
            return Optional.empty();
        }
        Organisation recipient = found.get();
        String channel = channelFor(recipient);
        if (channel == null) {
            jdbc.sql("update takedown_item set status = 'unrouted' where id = any(?) and status = 'pending'")
                    .param(itemIds.toArray(UUID[]::new)).update();
            return Optional.empty();
        }
        return Optional.of(queue(recipient, channel, addressFor(recipient, channel), kind, itemIds, now));
    }

    /**
     * Makes one notice for {@code itemIds} to {@code recipient} over {@code channel} ({@code email},
     * {@code xarf}, {@code api}, or {@code manual} for a web form an analyst fills in) and queues it
     * in the outbox; a web-form notice waits for the analyst instead. Its items count as notified.
     */
    public UUID queue(Organisation recipient, String channel, String address, String kind, List<UUID> itemIds, Instant now) {
        String recipientKey = recipient.key();
        String language = recipient.languages().contains("nl") ? "nl" : "en";
        UUID id = UUID.randomUUID();
        String reference = newReference();
        NoticeContent content = contents.build(reference, recipient.name(), recipient.trustedFlagger(), itemIds);
        NoticeRenderer.Rendered text = renderer.render(templates.forRecipient(recipientKey, language), content);
        jdbc.sql("""
                        insert into takedown_notice (id, reference, recipient_key, recipient_name, channel, address, language, kind,
                            trusted_flagger, subject, body, message_id, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, reference, recipientKey, recipient.name(), channel, address, language, kind,
                        recipient.trustedFlagger(), text.subject(), text.body(),
                        "<" + reference.toLowerCase(java.util.Locale.ROOT) + "." + id + "@" + settings.notifier().messageIdDomain() + ">",
                        "manual".equals(channel) ? "awaiting_manual" : "queued", Timestamp.from(now))
                .update();
        for (UUID itemId : itemIds) {
            jdbc.sql("insert into takedown_notice_item (notice_id, item_id) values (?, ?)").params(id, itemId).update();
        }
        jdbc.sql("update takedown_item set status = 'notified', last_notified_at = ? where id = any(?)")
                .params(Timestamp.from(now), itemIds.toArray(UUID[]::new)).update();
        if (!"manual".equals(channel)) {
            outbox.enqueue(NOTICE_TOPIC, id, now);
        }
        audit.record("takedown.notice-queued", "takedown_notice", id.toString(),
                "recipient=" + recipientKey + " kind=" + kind + " channel=" + channel + " items=" + itemIds.size());
        return id;
    }

    /**
     * A platform API first, then e-mail (as X-ARF where the directory says the address takes it),
     * then the platform's web form (filled in by an analyst).
     */
    String channelFor(Organisation recipient) {
        if (present(recipient.noticeApi())) {
            return "api";
        }
        if (present(recipient.noticeEmail())) {
            return recipient.noticeXarf() ? "xarf" : "email";
        }
        return present(recipient.noticeForm()) ? "manual" : null;
    }

    static String addressFor(Organisation recipient, String channel) {
        return switch (channel) {
            case "api" -> recipient.noticeApi();
            case "email", "xarf" -> recipient.noticeEmail();
            default -> recipient.noticeForm();
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static String newReference() {
        StringBuilder out = new StringBuilder("TD-");
        for (int i = 0; i < 10; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
