package org.recourse.matching.internal.reupload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditActor;
import org.recourse.support.TestCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reaction to a captured image may run again after its case was withdrawn (decision 0024: a
 * reaction that failed runs again minutes later): it keeps nothing of that case, not even the
 * image's hash, which the withdrawal removed.
 */
@RecourseTest
class DetectingAfterWithdrawalTest {

    @Autowired
    DetectingReuploads detecting;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anImageOfAWithdrawnCaseLeavesNoHash() {
        TestCases cases = new TestCases(jdbc);
        UUID open = cases.create().id();
        UUID withdrawn = cases.create().id();
        jdbc.sql("update intake_case set status = 'WITHDRAWN' where id = ?").param(withdrawn).update();

        UUID keptEvidence = detect(open);
        UUID droppedEvidence = detect(withdrawn);

        assertThat(capturedImages(keptEvidence)).as("an open case's image is kept for later matching").isEqualTo(1);
        assertThat(capturedImages(droppedEvidence)).isZero();
    }

    private UUID detect(UUID caseId) {
        UUID evidence = UUID.randomUUID();
        String pdq = "f".repeat(32) + "0".repeat(32);
        transactions.executeWithoutResult(tx -> AuditActor.runAs("system:matching", () -> detecting.detect(
                new DetectingReuploads.Seen(caseId, evidence, "https://withdrawal-" + caseId + ".example/p.jpg", pdq, 80,
                        Instant.now()))));
        return evidence;
    }

    private int capturedImages(UUID evidenceId) {
        return jdbc.sql("select count(*) from match_captured_image where evidence_id = ?").param(evidenceId).query(Integer.class).single();
    }
}
