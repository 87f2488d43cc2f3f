package org.recourse.intake.internal.updates;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.platform.Outbox;
import org.recourse.platform.OutboxTopic;
import org.recourse.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a reporter who asked for it that there is news on her case: a short e-mail through the
 * outbox, never with details, and only when she left an e-mail address, agreed to be contacted
 * and has not stopped the e-mails. Changes in a row become one e-mail (the grouping delay). She
 * stops them with the e-mail's one-time link or on her status page, and starts them again there.
 */
@Service
public class TellingReporters {

    public static final OutboxTopic TOPIC = new OutboxTopic("intake.victim-update");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final VictimUpdateSettings settings;
    private final Clock clock;

    TellingReporters(JdbcClient jdbc, Outbox outbox, AuditTrail audit, VictimUpdateSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the reporter of this case gets e-mails about news: she can, and has not stopped them. */
    public enum Choice {
        /** No e-mail address, or no agreement to be contacted: nothing to offer. */
        NOT_POSSIBLE,
        ON,
        STOPPED
    }

    /**
     * There is news on the case: queues one e-mail after the grouping delay, unless one is already
     * waiting or the reporter does not want them. Joins the caller's transaction, so the e-mail
     * exists exactly when the change does.
     */
    @org.springframework.context.event.EventListener
    void on(org.recourse.intake.internal.cases.NewsForReporter news) {
        newsFor(news.caseId());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void newsFor(UUID caseId) {
        if (!settings.enabled() || choice(caseId) != Choice.ON) {
            return;
        }
        Instant now = clock.instant();
        UUID id = TimeOrderedIds.next();
        int queued = jdbc.sql("""
                        insert into intake_victim_update (id, case_id, created_at, message_id, stop_token, status)
                        values (?, ?, ?, ?, ?, 'queued') on conflict do nothing""")
                .params(id, caseId, Timestamp.from(now), "<update-" + id + "@" + settings.messageIdDomain() + ">", token())
                .update();
        if (queued == 1) {
            outbox.enqueue(TOPIC, id, now.plus(settings.groupingDelay()));
        }
    }

    public Choice choice(UUID caseId) {
        return jdbc.sql("select " + UpdateDeliveries.CAN_GET_UPDATES + " as possible, c.updates_stopped_at is not null as stopped "
                        + "from intake_case c where c.id = ?")
                .param(caseId)
                .query((rs, n) -> !rs.getBoolean("possible") ? Choice.NOT_POSSIBLE : rs.getBoolean("stopped") ? Choice.STOPPED : Choice.ON)
                .optional().orElse(Choice.NOT_POSSIBLE);
    }

    /** From the e-mail's link: stops the e-mails of the case the token belongs to. False for an unknown token. */
    @Transactional
    public boolean stopWithToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        Optional<UUID> caseId = jdbc.sql("select case_id from intake_victim_update where stop_token = ?").param(token)
                .query(UUID.class).optional();
        caseId.ifPresent(this::stop);
        return caseId.isPresent();
    }

    /** From the status page, or the link: no more e-mails; one waiting is not sent. */
    @Transactional
    public void stop(UUID caseId) {
        if (jdbc.sql("update intake_case set updates_stopped_at = ? where id = ? and updates_stopped_at is null")
                .params(Timestamp.from(clock.instant()), caseId).update() == 1) {
            jdbc.sql("update intake_victim_update set status = 'cancelled' where case_id = ? and status = 'queued'").param(caseId).update();
            audit.record("case.updates-stopped", "case", caseId.toString(), null);
        }
    }

    /** From the status page: e-mails again from the next change on. */
    @Transactional
    public void resume(UUID caseId) {
        if (jdbc.sql("update intake_case set updates_stopped_at = null where id = ? and updates_stopped_at is not null")
                .param(caseId).update() == 1) {
            audit.record("case.updates-resumed", "case", caseId.toString(), null);
        }
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
