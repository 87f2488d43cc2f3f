package org.recourse.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.assessment.internal.assessing.AssessingItem;
import org.recourse.assessment.internal.assessing.Outcome;
import org.recourse.assessment.internal.queue.Entries;
import org.recourse.assessment.internal.queue.WorkingQueue;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two analysts work the queue at the same time, each on their own thread and connection, as on
 * two nodes: every item is assessed exactly once, and a lock that expired cannot be submitted on.
 */
@RecourseTest
class QueueLockingTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Cases cases;
    @Autowired QuestionSets questionSets;
    @Autowired WorkingQueue queue;
    @Autowired AssessingItem assessing;
    @Autowired Entries entries;

    AssessmentFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(port, jdbc, cases, questionSets);
    }

    @Test
    void twoAnalystsWorkingTheQueueTogetherNeverAssessTheSameItem() throws Exception {
        List<UUID> ours = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ours.addAll(fixtures.report("deepfake", List.of(AssessmentFixtures.url("lock-a" + i),
                    AssessmentFixtures.url("lock-b" + i)), Map.of()).entries());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<UUID>> anna = threads.submit(worker("lock-anna-" + UUID.randomUUID(), start));
            Future<List<UUID>> bram = threads.submit(worker("lock-bram-" + UUID.randomUUID(), start));
            start.countDown();
            List<UUID> byAnna = anna.get();
            List<UUID> byBram = bram.get();

            assertThat(byAnna).doesNotHaveDuplicates().doesNotContainAnyElementsOf(byBram);
            assertThat(byBram).doesNotHaveDuplicates();
            List<UUID> all = new ArrayList<>(byAnna);
            all.addAll(byBram);
            assertThat(all).containsAll(ours);
        } finally {
            threads.shutdownNow();
        }
        for (UUID entry : ours) {
            assertThat(jdbc.sql("select count(*) from assessment where entry_id = ?").param(entry).query(Integer.class).single())
                    .as("assessments of " + entry).isEqualTo(1);
            assertThat(entries.find(entry).orElseThrow().state()).isEqualTo("closed");
        }
        UUID caseId = entries.find(ours.getFirst()).orElseThrow().caseId();
        assertThat(cases.find(caseId).orElseThrow().history()).extracting(h -> h.status())
                .containsSubsequence(CaseStatus.RECEIVED, CaseStatus.BEING_ASSESSED, CaseStatus.CLOSED);
    }

    @Test
    void ofTwoAnalystsOpeningTheSameItemAtOnceOnlyOneGetsIt() throws Exception {
        UUID entry = fixtures.report("deepfake", AssessmentFixtures.url("same-item")).entry();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> anna = () -> { start.await(); return queue.take(entry, "same-anna"); };
            Callable<Boolean> bram = () -> { start.await(); return queue.take(entry, "same-bram"); };
            Future<Boolean> a = threads.submit(anna);
            Future<Boolean> b = threads.submit(bram);
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anExpiredLockPassesToTheNextAnalystAndTheFirstCanNoLongerSubmit() {
        UUID entry = fixtures.report("deepfake", AssessmentFixtures.url("expired")).entry();
        assertThat(queue.take(entry, "slow-anna")).isTrue();
        assertThat(queue.take(entry, "quick-bram")).isFalse();

        jdbc.sql("update assessment_entry set lock_expires = now() - interval '1 second' where id = ?").param(entry).update();
        assertThat(queue.take(entry, "quick-bram")).isTrue();

        assertThatThrownBy(() -> assessing.submit(entry, "slow-anna", fixtures.submission(Outcome.CLOSE, null, "dubbel")))
                .isInstanceOfSatisfying(AssessingItem.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo("assessment.refused.not-locked"));
        assessing.submit(entry, "quick-bram", fixtures.submission(Outcome.CLOSE, null, "dubbel"));
        assertThat(jdbc.sql("select assessed_by from assessment where entry_id = ?").param(entry).query(String.class).single())
                .isEqualTo("quick-bram");
    }

    @Test
    void anItemWhoseReporterWithdrewLeavesTheQueueInsteadOfBeingAssessed() {
        AssessmentFixtures.Reported reported = fixtures.report("deepfake", AssessmentFixtures.url("withdrawn"));
        assertThat(queue.awaiting(new org.recourse.assessment.internal.queue.QueueFilter(null, null, null, null, null)))
                .anyMatch(e -> e.id().equals(reported.entry()));
        cases.progress(reported.caseId(), CaseStatus.WITHDRAWN);

        assertThat(queue.awaiting(new org.recourse.assessment.internal.queue.QueueFilter(null, null, null, null, null)))
                .noneMatch(e -> e.id().equals(reported.entry()));
        assertThat(queue.take(reported.entry(), "late-anna")).isFalse();
        assertThat(entries.find(reported.entry()).orElseThrow().state()).isEqualTo("closed");
        assertThat(cases.find(reported.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.WITHDRAWN);
    }

    /** Takes the next free item and assesses it (closing it), until nothing free is left. */
    private Callable<List<UUID>> worker(String analyst, CountDownLatch start) {
        return () -> {
            start.await();
            List<UUID> assessed = Collections.synchronizedList(new ArrayList<>());
            while (true) {
                Optional<UUID> next = queue.takeNext(analyst);
                if (next.isEmpty()) {
                    return assessed;
                }
                assessing.submit(next.get(), analyst, fixtures.submission(Outcome.CLOSE, null, "niets mee te doen"));
                assessed.add(next.get());
            }
        };
    }
}
