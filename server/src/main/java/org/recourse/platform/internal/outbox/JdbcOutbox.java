package org.recourse.platform.internal.outbox;

import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.recourse.platform.Outbox;
import org.recourse.platform.OutboxEntry;
import org.recourse.platform.OutboxSender;
import org.recourse.platform.OutboxStatus;
import org.recourse.platform.OutboxTopic;
import org.recourse.platform.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox in {@code platform_outbox}; see {@link Outbox} for its guarantees. */
@Service
class JdbcOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcOutbox.class);

    /** A claimed entry. */
    private record Claim(UUID id, OutboxTopic topic, UUID subjectId, int failuresInRow) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Map<OutboxTopic, OutboxSender> senders;
    private final OutboxSettings settings;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    JdbcOutbox(JdbcClient jdbc, TransactionTemplate transactions, List<OutboxSender> senders, OutboxSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.senders = senders.stream().collect(Collectors.toMap(OutboxSender::topic, Function.identity()));
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void enqueue(OutboxTopic topic, UUID subjectId, Instant notBefore) {
        if (!senders.containsKey(topic)) {
            throw new IllegalArgumentException("No sender for outbox topic " + topic);
        }
        jdbc.sql("""
                        insert into platform_outbox (id, topic, subject_id, status, next_attempt_at, created_at)
                        values (?, ?, ?, 'QUEUED', ?, ?) on conflict (topic, subject_id) do nothing""")
                .params(TimeOrderedIds.next(), topic.name(), subjectId, Timestamp.from(notBefore), Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public boolean sendNow(OutboxTopic topic, UUID subjectId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        update platform_outbox set status = 'QUEUED', next_attempt_at = ?,
                            failures_in_row = case when status = 'FAILED' then 0 else failures_in_row end
                        where topic = ? and subject_id = ?
                          and (status = 'FAILED' or (status = 'QUEUED' and next_attempt_at > ?))""")
                .params(now, topic.name(), subjectId, now).update() == 1;
    }

    @Override
    public Optional<OutboxEntry> find(OutboxTopic topic, UUID subjectId) {
        return jdbc.sql("select * from platform_outbox where topic = ? and subject_id = ?").params(topic.name(), subjectId)
                .query(JdbcOutbox::entry).optional();
    }

    @Override
    public int deliverDue() {
        int delivered = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Instant now = clock.instant();
            String[] open = senders.values().stream().filter(s -> s.mayDeliverAt(now)).map(s -> s.topic().name()).toArray(String[]::new);
            if (open.length == 0) {
                return delivered;
            }
            Claim claim = transactions.execute(status -> claim(open, now));
            if (claim == null) {
                return delivered;
            }
            if (deliver(claim)) {
                delivered++;
            }
        }
        return delivered;
    }

    private Claim claim(String[] topics, Instant now) {
        return jdbc.sql("""
                        update platform_outbox set status = 'SENDING', claimed_until = ?, claimed_by = ?, attempts = attempts + 1,
                            last_attempt_at = ?
                        where id = (select id from platform_outbox
                                    where topic = any(?) and ((status = 'QUEUED' and next_attempt_at <= ?)
                                                              or (status = 'SENDING' and claimed_until < ?))
                                    order by next_attempt_at limit 1 for update skip locked)
                        returning id, topic, subject_id, failures_in_row""")
                .params(Timestamp.from(now.plus(settings.lease())), node, Timestamp.from(now), topics, Timestamp.from(now),
                        Timestamp.from(now))
                .query((rs, n) -> new Claim(rs.getObject("id", UUID.class), new OutboxTopic(rs.getString("topic")),
                        rs.getObject("subject_id", UUID.class), rs.getInt("failures_in_row")))
                .optional().orElse(null);
    }

    /**
     * Delivers one claimed entry and records the outcome. The outcome is recorded with the
     * thread's interrupt flag cleared (and set again after), so a node told to stop in the middle
     * still records what it sent instead of leaving it to be sent again.
     */
    private boolean deliver(Claim claim) {
        OutboxSender sender = senders.get(claim.topic());
        String reference = null;
        Exception failure = null;
        try {
            reference = settings.simulated() ? "simulated:" + claim.id() : sender.deliver(claim.subjectId());
        } catch (Exception e) {
            failure = e;
        }
        boolean interrupted = Thread.interrupted() || failure instanceof InterruptedException;
        try {
            if (failure == null) {
                sent(claim, sender, reference);
            } else if (interrupted) {
                release(claim);
            } else {
                failed(claim, sender, failure);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return failure == null;
    }

    private void sent(Claim claim, OutboxSender sender, String reference) {
        transactions.executeWithoutResult(status -> {
            Instant at = clock.instant();
            int marked = jdbc.sql("""
                            update platform_outbox set status = 'SENT', sent_at = ?, claimed_until = null, next_attempt_at = null,
                                last_error = null
                            where id = ? and status = 'SENDING' and claimed_by = ?""")
                    .params(Timestamp.from(at), claim.id(), node).update();
            if (marked == 1) {
                sender.delivered(claim.subjectId(), reference, at);
            }
        });
    }

    /** This node was stopped while delivering: not the receiver's failure, so the entry is due again at once. */
    private void release(Claim claim) {
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        update platform_outbox set status = 'QUEUED', next_attempt_at = ?, claimed_until = null
                        where id = ? and status = 'SENDING' and claimed_by = ?""")
                .params(Timestamp.from(clock.instant()), claim.id(), node).update());
    }

    private void failed(Claim claim, OutboxSender sender, Exception e) {
        String reason = FailureWords.describe(e);
        int failures = claim.failuresInRow() + 1;
        Duration wait = settings.waitAfter(failures);
        transactions.executeWithoutResult(status -> {
            Instant at = clock.instant();
            Instant retryAt = wait == null ? null : at.plus(wait);
            int marked = jdbc.sql("""
                            update platform_outbox set status = ?, failures_in_row = ?, next_attempt_at = ?, claimed_until = null,
                                last_error = ?
                            where id = ? and status = 'SENDING' and claimed_by = ?""")
                    .params(retryAt == null ? OutboxStatus.FAILED.name() : OutboxStatus.QUEUED.name(), failures,
                            retryAt == null ? null : Timestamp.from(retryAt), reason, claim.id(), node)
                    .update();
            if (marked == 1) {
                sender.failed(claim.subjectId(), reason, retryAt == null, retryAt);
            }
            log.warn("Outbox {} {} not delivered ({}); {}", claim.topic(), claim.subjectId(), FailureWords.brief(e),
                    retryAt == null ? "retry schedule used up, waits for a person" : "next attempt at " + retryAt);
        });
    }

    private static OutboxEntry entry(ResultSet rs, int n) throws SQLException {
        return new OutboxEntry(new OutboxTopic(rs.getString("topic")), rs.getObject("subject_id", UUID.class),
                OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"), rs.getString("last_error"), instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
