package org.recourse.statistics.internal.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.takedown.NoticeAnswered;
import org.recourse.takedown.ProviderDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A platform's earlier answer to a notice may be recorded after its later one (decision 0024: a
 * reaction that failed runs again minutes later): the statistics keep the later decision, and the
 * first acknowledgement.
 */
@RecourseTest
class AnswersInAnyOrderTest {

    @Autowired
    RecordingFacts facts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEarlierAnswerRecordedLateLeavesTheLaterDecision() {
        UUID notice = UUID.randomUUID();
        Instant sent = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into stat_notice (notice_id, platform, trusted_flagger, form, legal_status, items, sent_at)
                values (?, 'answers-test', false, 'deepfake', 'illegal', 1, ?)""").params(notice, Timestamp.from(sent)).update();
        Instant refused = sent.plus(1, ChronoUnit.DAYS);
        Instant removed = sent.plus(3, ChronoUnit.DAYS);

        facts.on(new NoticeAnswered(notice, ProviderDecision.REMOVED, removed));
        await("the later answer is recorded", () -> "removed".equals(decisionOf(notice)));
        facts.on(new NoticeAnswered(notice, ProviderDecision.REFUSED, refused));
        await("the earlier answer is recorded", () -> refused.equals(acknowledgedAt(notice)));

        assertThat(decisionOf(notice)).isEqualTo("removed");
    }

    private String decisionOf(UUID notice) {
        return jdbc.sql("select decision from stat_notice where notice_id = ?").param(notice).query(String.class).optional().orElse(null);
    }

    private Instant acknowledgedAt(UUID notice) {
        return jdbc.sql("select acknowledged_at from stat_notice where notice_id = ?").param(notice)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional().orElse(null);
    }
}
