package org.recourse.takedown.internal.items;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.recourse.assessment.TakedownDecided;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns a take-down decision into an item waiting for its notice. Recording the same decision
 * twice (an event redelivered after a restart) changes nothing.
 */
@Component
class RecordingDecisions {

    private final JdbcClient jdbc;
    private final Recipients recipients;
    private final Directory directory;
    private final AuditTrail audit;
    private final CaseProgress progress;
    private final Clock clock;

    RecordingDecisions(JdbcClient jdbc, Recipients recipients, Directory directory, AuditTrail audit, CaseProgress progress,
                       Clock clock) {
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.directory = directory;
        this.audit = audit;
        this.progress = progress;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TakedownDecided decision) {
        AuditActor.runAs("system:takedown", () -> record(decision));
    }

    void record(TakedownDecided decision) {
        // Run again (decision 0024) after the directory changed, routing would name other recipients:
        // the items recorded the first time stand, so no recipient gets a second notice.
        boolean recorded = jdbc.sql("select exists (select 1 from takedown_item where assessment_id = ? and reported_item_id = ?)")
                .params(decision.assessmentId(), decision.itemId()).query(Boolean.class).single();
        if (recorded) {
            progress.decisionTaken(decision.caseId());
            return;
        }
        String host = hostOf(decision.url());
        Recipients.Routing routing = recipients.route(decision.platformKey(), decision.url(), host);
        List<Recipients.Recipient> targets = routing.recipients().isEmpty()
                ? java.util.Collections.singletonList(null) : routing.recipients();
        for (Recipients.Recipient recipient : targets) {
            UUID id = UUID.randomUUID();
            int inserted = jdbc.sql("""
                            insert into takedown_item (id, case_id, reported_item_id, assessment_id, url, host, recipient_key,
                                recipient_source, hoster_fingerprint, do_not_fetch, legal_status, forms, legal_grounds, substantiation,
                                child_sexual_abuse, decided_by, decided_at, status, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(id, decision.caseId(), decision.itemId(), decision.assessmentId(), decision.url(), host,
                            recipient == null ? null : recipient.key(), recipient == null ? "none" : recipient.source(),
                            recipient == null ? null : recipient.fingerprint(), routing.doNotFetch(), decision.legalStatus(),
                            textArray(decision.forms()), textArray(decision.legalGrounds()), decision.substantiation(),
                            decision.childSexualAbuse(), decision.decidedBy(), Timestamp.from(decision.decidedAt()),
                            recipient != null && recipient.usable() && channelKnown(recipient) ? "pending" : "unrouted",
                            Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 1) {
                audit.record("takedown.item-recorded", "takedown_item", id.toString(),
                        "case=" + decision.caseId() + " recipient=" + (recipient == null ? "none" : recipient.key()));
            }
        }
        progress.decisionTaken(decision.caseId());
    }

    /** A recipient without any known channel waits for a person at once, not only after the grouping delay. */
    private boolean channelKnown(Recipients.Recipient recipient) {
        return directory.findByKey(recipient.key()).map(Organisation::noticeChannelKnown).orElse(false);
    }

    static String hostOf(String url) {
        String host = URI.create(url).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    static String textArray(java.util.List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }
}
