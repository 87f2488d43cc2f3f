package org.recourse.takedown.internal.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.audit.AuditActor;
import org.recourse.intake.ReportedItem;
import org.recourse.assessment.TakedownDecided;
import org.recourse.takedown.TakedownIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reaction to a take-down decision may run a second time (decision 0024: after a failure, or
 * when its node stopped before the registry heard it had finished). By then the directory may name
 * a recipient that it did not name the first time: the items recorded the first time stand, and no
 * second recipient is added — it would get a notice the analyst never saw routed.
 */
class DecisionRunAgainTest extends TakedownIntegrationTest {

    @Autowired
    RecordingDecisions recording;

    @Test
    void aDecisionRecordedAgainAfterTheDirectoryChangedAddsNoRecipient() {
        String key = "later-" + UUID.randomUUID().toString().substring(0, 8);
        UUID caseId = report("https://" + key + ".example/photo/1");
        ReportedItem item = cases.items(caseId).getFirst();
        TakedownDecided decided = decide(caseId, item, null, false, longAgo());
        await("the item is recorded without a recipient", Duration.ofSeconds(10), () -> recipientsOf(item).size() == 1);
        assertThat(recipientsOf(item)).containsExactly("none");

        recipient(key, "Later Platform", false, "abuse@" + key + ".example", null, null, "nl");
        // As the reaction runs: in a transaction of its own.
        transactions.executeWithoutResult(tx -> AuditActor.runAs("system:takedown", () -> recording.record(decided)));

        assertThat(recipientsOf(item)).as("run again, it records nothing new").containsExactly("none");
    }

    private List<String> recipientsOf(ReportedItem item) {
        return jdbc.sql("select coalesce(recipient_key, 'none') from takedown_item where reported_item_id = ?").param(item.id())
                .query(String.class).list();
    }
}
