package org.recourse.statistics;

import static org.recourse.support.Eventually.await;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.recourse.intake.ReportReceived;
import org.recourse.intake.ReportsReceived;
import org.recourse.takedown.NoticeAnswered;
import org.recourse.takedown.NoticeContentRemoved;
import org.recourse.takedown.NoticeSent;
import org.recourse.takedown.ProviderDecision;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the statistics read model the way production does: cases are stored as intake stores them
 * and announced with {@link ReportsReceived}; notices are announced with takedown's events. Waits
 * until the listeners have recorded them.
 */
final class StatisticsFixtures {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    StatisticsFixtures(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
    }

    /** A case as the reporter described it. */
    record CaseFacts(Instant receivedAt, String channel, String form, String gender, String ageBand, String relationship,
                     String police, String municipality) {
    }

    List<UUID> cases(int count, CaseFacts facts) {
        List<UUID> ids = new ArrayList<>();
        List<ReportReceived> received = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                String number = "RC-" + id.toString().substring(0, 4).toUpperCase() + "-" + id.toString().substring(4, 8).toUpperCase();
                Timestamp at = Timestamp.from(facts.receivedAt());
                jdbc.sql("""
                                insert into intake_case (id, case_number, status, channel, reporter_type, forms, gender, age_band,
                                    relationship, police_contacted, municipality, received_at, updated_at)
                                values (?, ?, 'RECEIVED', ?, 'self', ?::text[], ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, number, facts.channel(), "{" + facts.form() + "}", facts.gender(), facts.ageBand(),
                                facts.relationship(), facts.police(), facts.municipality(), at, at)
                        .update();
                ids.add(id);
                received.add(new ReportReceived(id, number, facts.receivedAt()));
            }
            events.publishEvent(new ReportsReceived(received));
        });
        await("cases recorded", () -> jdbc.sql("select count(*) from stat_case where case_id = any(?::uuid[])")
                .param(ids.toArray(UUID[]::new)).query(Long.class).single() == count);
        return ids;
    }

    /** A notice sent at {@code sentAt} to {@code platform}, answered and removed after the given durations (null: never). */
    UUID notice(String platform, String form, Instant sentAt, Duration acknowledgedAfter, ProviderDecision decision,
                Duration decidedAfter, Duration removedAfter) {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(new NoticeSent(id, platform, true, sentAt,
                sentAt.plus(Duration.ofHours(24)), List.of(UUID.randomUUID()), 1, "ILLEGAL", List.of(form))));
        await("notice recorded", () -> count("select count(*) from stat_notice where notice_id = ?", id) == 1);
        if (acknowledgedAfter != null) {
            transactions.executeWithoutResult(status -> events.publishEvent(new NoticeAnswered(id, null, sentAt.plus(acknowledgedAfter))));
            await("acknowledgement recorded", () -> count("select count(*) from stat_notice where notice_id = ? and acknowledged_at is not null", id) == 1);
        }
        if (decision != null) {
            transactions.executeWithoutResult(status -> events.publishEvent(new NoticeAnswered(id, decision, sentAt.plus(decidedAfter))));
            await("decision recorded", () -> count("select count(*) from stat_notice where notice_id = ? and decision is not null", id) == 1);
        }
        if (removedAfter != null) {
            transactions.executeWithoutResult(status -> events.publishEvent(new NoticeContentRemoved(id, sentAt.plus(removedAfter))));
            await("removal recorded", () -> count("select count(*) from stat_notice where notice_id = ? and removed_at is not null", id) == 1);
        }
        return id;
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }
}
