package org.recourse.escalation.internal.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.routing.LegalStatus;
import org.recourse.takedown.NoticeOverdue;
import org.recourse.takedown.NotifiedItem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The announcement that an earlier notice is overdue may be recorded after a later one's (decision
 * 0024: a reaction that failed runs again minutes later): the escalation candidate keeps naming the
 * later notice, the highest count of notices and the first time the item was overdue.
 */
@RecourseTest
class OverdueInAnyOrderTest {

    @Autowired
    TrackingOverdue tracking;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEarlierNoticeRecordedLateLeavesTheLaterOne() {
        UUID caseId = UUID.randomUUID();
        UUID itemId = UUID.randomUUID();
        String platform = "overdue-order-" + UUID.randomUUID().toString().substring(0, 8);
        Instant firstDue = Instant.now().truncatedTo(ChronoUnit.MICROS);
        NoticeOverdue first = overdue(UUID.randomUUID(), platform, firstDue, caseId, itemId, 1);
        NoticeOverdue second = overdue(UUID.randomUUID(), platform, firstDue.plus(2, ChronoUnit.DAYS), caseId, itemId, 2);

        tracking.on(second);
        await("the later notice is tracked", () -> second.noticeId().equals(lastNotice(itemId)));
        tracking.on(first);
        await("the earlier notice's first overdue time is taken", () -> firstDue.equals(firstOverdue(itemId)));

        assertThat(lastNotice(itemId)).isEqualTo(second.noticeId());
        assertThat(jdbc.sql("select notices_sent from escalation_item where reported_item_id = ?").param(itemId)
                .query(Integer.class).single()).isEqualTo(2);
    }

    private static NoticeOverdue overdue(UUID noticeId, String platform, Instant due, UUID caseId, UUID itemId, int noticesSent) {
        return new NoticeOverdue(noticeId, "REF-" + noticeId.toString().substring(0, 6), platform, due.minus(7, ChronoUnit.DAYS), due,
                List.of(new NotifiedItem(caseId, itemId, "https://" + platform + ".example/p", LegalStatus.values()[0],
                        Set.of("deepfake"), false, noticesSent)));
    }

    private UUID lastNotice(UUID itemId) {
        return jdbc.sql("select last_notice_id from escalation_item where reported_item_id = ?").param(itemId)
                .query(UUID.class).optional().orElse(null);
    }

    private Instant firstOverdue(UUID itemId) {
        return jdbc.sql("select first_overdue_at from escalation_item where reported_item_id = ?").param(itemId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional().orElse(null);
    }
}
