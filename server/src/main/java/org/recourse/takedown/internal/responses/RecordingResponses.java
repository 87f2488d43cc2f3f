package org.recourse.takedown.internal.responses;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.takedown.NoticeAnswered;
import org.recourse.takedown.ProviderDecision;
import org.recourse.takedown.ResponseRecorded;
import org.recourse.takedown.internal.items.NotifiedItems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a recipient's acknowledgement (DSA art. 16(4)) or decision with reasons (art. 16(5)),
 * whichever way it arrived. A decision also counts as acknowledgement. The same e-mail recorded
 * twice (by Message-ID) is recorded once.
 */
@Service
public class RecordingResponses {

    public static final Set<String> KINDS = Set.of("acknowledgement", "decision");
    public static final Set<String> DECISIONS = Set.of("removed", "restricted", "refused", "other");

    public record Response(String kind, String decision, String reasons, String source, String messageId, Instant receivedAt,
                           String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final NotifiedItems items;
    private final ApplicationEventPublisher events;

    RecordingResponses(JdbcClient jdbc, AuditTrail audit, NotifiedItems items, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.items = items;
        this.events = events;
    }

    /** The notice a reference or id names: {@code TD-...} or a UUID. */
    public Optional<UUID> notice(String referenceOrId) {
        String value = referenceOrId.strip();
        if (value.toUpperCase(Locale.ROOT).startsWith("TD-")) {
            return jdbc.sql("select id from takedown_notice where reference = ?").param(value.toUpperCase(Locale.ROOT))
                    .query(UUID.class).optional();
        }
        try {
            return jdbc.sql("select id from takedown_notice where id = ?").param(UUID.fromString(value)).query(UUID.class).optional();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The notice named by {@code referenceOrId}, if it was sent to {@code recipientKey}; others' notices stay invisible. */
    public Optional<UUID> noticeSentTo(String referenceOrId, String recipientKey) {
        return notice(referenceOrId).filter(id -> recipientKey.equals(
                jdbc.sql("select recipient_key from takedown_notice where id = ?").param(id).query(String.class).single()));
    }

    /** @return whether it was new */
    @Transactional
    public boolean record(UUID noticeId, Response response) {
        if (!KINDS.contains(response.kind()) || (response.decision() != null && !DECISIONS.contains(response.decision()))) {
            throw new IllegalArgumentException("unknown response kind or decision");
        }
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into takedown_response (id, notice_id, kind, decision, reasons, source, message_id, received_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing""")
                .params(id, noticeId, response.kind(), "decision".equals(response.kind()) ? response.decision() : null,
                        response.reasons(), response.source(), response.messageId(), Timestamp.from(response.receivedAt()),
                        response.recordedBy())
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("update takedown_notice set acknowledged_at = least(coalesce(acknowledged_at, ?), ?) where id = ?")
                .params(Timestamp.from(response.receivedAt()), Timestamp.from(response.receivedAt()), noticeId).update();
        if ("decision".equals(response.kind())) {
            jdbc.sql("update takedown_notice set decided_at = ?, decision = ? where id = ?")
                    .params(Timestamp.from(response.receivedAt()), response.decision(), noticeId).update();
        }
        audit.record("takedown.response-recorded", "takedown_notice", noticeId.toString(),
                response.kind() + (response.decision() == null ? "" : " " + response.decision()) + " via " + response.source());
        events.publishEvent(new NoticeAnswered(noticeId, "decision".equals(response.kind())
                ? ProviderDecision.fromCode(response.decision()) : null, response.receivedAt()));
        boolean decision = "decision".equals(response.kind());
        String reference = jdbc.sql("select reference from takedown_notice where id = ?").param(noticeId).query(String.class).single();
        String recipientKey = jdbc.sql("select recipient_key from takedown_notice where id = ?").param(noticeId).query(String.class).single();
        events.publishEvent(new ResponseRecorded(noticeId, reference, recipientKey,
                decision ? ResponseRecorded.Kind.DECISION : ResponseRecorded.Kind.ACKNOWLEDGEMENT,
                !decision ? null : response.decision() == null ? ResponseRecorded.Decision.OTHER
                        : ResponseRecorded.Decision.valueOf(response.decision().toUpperCase(Locale.ROOT)),
                response.reasons(), response.receivedAt(), items.of(noticeId, false)));
        return true;
    }
}
