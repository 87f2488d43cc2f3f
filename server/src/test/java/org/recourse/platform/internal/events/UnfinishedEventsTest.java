package org.recourse.platform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.support.MutableClock;
import org.recourse.support.TestReactions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A module's reaction to an event that failed, or that a stopped node left unfinished, runs again
 * (after the waits of {@code recourse.events.retry-schedule}, or once it is {@code stale-after} old)
 * until it completes; a completed reaction leaves nothing behind and never runs again.
 */
@RecourseTest
class UnfinishedEventsTest {

    @Autowired
    RetryingUnfinishedEvents retrying;
    @Autowired
    TestReactions reactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aReactionThatFailedRunsAgainAfterItsWaitAndOnlyUntilItCompleted() {
        UUID id = UUID.randomUUID();
        reactions.failFirst(id, 2);
        poke(id);
        await("the first run failed", () -> statusOf(id).equals(List.of("FAILED")));

        retrying.retryDue();
        assertThat(reactions.started(id)).as("the first wait (1 minute) has not passed").isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(retrying.retryDue()).isGreaterThanOrEqualTo(1);
        await("the second run failed too", () -> reactions.started(id) == 2 && statusOf(id).equals(List.of("FAILED")));

        clock.advance(Duration.ofMinutes(4));
        retrying.retryDue();
        assertThat(reactions.started(id)).as("after a second failure the wait is 5 minutes from the last run").isEqualTo(2);

        clock.advance(Duration.ofMinutes(1));
        retrying.retryDue();
        await("the third run completed", () -> reactions.finished(id) == 1 && statusOf(id).isEmpty());

        clock.advance(Duration.ofHours(12));
        retrying.retryDue();
        assertThat(reactions.started(id)).as("a completed reaction never runs again").isEqualTo(3);
        assertThat(reactions.finished(id)).isEqualTo(1);
    }

    @Test
    void aReactionLeftUnfinishedByAStoppedNodeRunsAgainOnceItIsStale() {
        UUID id = UUID.randomUUID();
        CountDownLatch stoppedNode = reactions.holdFirst(id);
        poke(id);
        await("the reaction is running", () -> reactions.started(id) == 1);
        assertThat(statusOf(id)).containsAnyOf("PUBLISHED", "PROCESSING");

        clock.advance(Duration.ofMinutes(9));
        retrying.retryDue();
        assertThat(reactions.started(id)).as("9 minutes is not yet abandoned (stale-after 10m)").isEqualTo(1);
        assertThat(statusOf(id)).doesNotContain("FAILED");

        clock.advance(Duration.ofMinutes(2));
        assertThat(retrying.retryDue()).isGreaterThanOrEqualTo(1);
        await("the reaction ran again, to the end", () -> reactions.finished(id) == 1 && statusOf(id).isEmpty());

        stoppedNode.countDown();
        await("the stopped run ended", () -> reactions.ended(id) == 2);
        assertThat(statusOf(id)).as("its failure after the rerun completed leaves nothing to run again").isEmpty();
        clock.advance(Duration.ofHours(1));
        retrying.retryDue();
        assertThat(reactions.started(id)).as("nothing left to run again").isEqualTo(2);
        assertThat(reactions.finished(id)).isEqualTo(1);
    }

    private void poke(UUID id) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new TestReactions.Poked(id)));
    }

    /** The registry's unfinished publications of the reaction to this event: none once it completed. */
    private List<String> statusOf(UUID id) {
        return jdbc.sql("select status from event_publication where serialized_event like ?").param("%" + id + "%")
                .query(String.class).list();
    }
}
