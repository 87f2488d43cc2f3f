package org.recourse.intake.internal.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditSource;
import org.recourse.intake.Channel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Reports written together: one bad report costs no other its case, retries and repeats inside a batch. */
@RecourseTest
class GroupCommitTest {

    private static final AuditSource PARTNER = new AuditSource("api:Test partner", "127.0.0.1");

    @Autowired
    GroupCommit groupCommit;

    @Autowired
    SubmittingReport submitting;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportTheDatabaseRefusesFailsAloneAndTheOthersAreAllWritten() throws Exception {
        String reference = "group-" + UUID.randomUUID();
        List<Future<Optional<Submitted>>> good = new ArrayList<>();
        Future<Optional<Submitted>> bad;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 30; i++) {
                String url = "https://group.example/" + UUID.randomUUID();
                good.add(pool.submit(() -> groupCommit.submit(submission(report("professional", url, reference), null))));
            }
            // Passed validation by construction, refused by the database's check on reporter types.
            bad = pool.submit(() -> groupCommit.submit(
                    submission(report("not-a-reporter-type", "https://group.example/bad", reference), null)));
        }
        List<UUID> created = new ArrayList<>();
        for (Future<Optional<Submitted>> future : good) {
            created.add(future.get().orElseThrow().caseId());
        }
        assertThat(created).doesNotHaveDuplicates().hasSize(30);
        assertThat(jdbc.sql("select count(*) from intake_case where external_reference = ?").param(reference)
                .query(Integer.class).single()).isEqualTo(30);
        assertThat(jdbc.sql("select count(*) from reported_item i join intake_case c on c.id = i.case_id "
                        + "where c.external_reference = ?").param(reference).query(Integer.class).single()).isEqualTo(30);
        assertThatThrownBy(bad::get).hasCauseInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void inOneBatchARepeatedKeyIsARetryAndARepeatedUrlIsLinkedToTheFirstCase() {
        String url = "https://group.example/same/" + UUID.randomUUID();
        String reference = "batch-" + UUID.randomUUID();
        UUID apiKey = jdbc.sql("""
                insert into api_key (id, organisation, prefix, key_hash, scopes, created_at, created_by)
                values (gen_random_uuid(), 'Batch partner', 'rk_test', ?, '{reports:submit}', now(), 'test') returning id
                """).param(UUID.randomUUID().toString()).query(UUID.class).single();
        var claim = new Submission.IdempotencyClaim(apiKey, "retry-" + UUID.randomUUID(), "hash");

        List<Optional<Submitted>> outcomes = transactions.execute(status -> AuditActor.supplyAs("test", () ->
                submitting.submitAll(List.of(
                        submission(report("professional", url, reference), claim),
                        submission(report("professional", url, reference), claim),
                        submission(report("self", url, reference), null)))));

        Submitted first = outcomes.get(0).orElseThrow();
        assertThat(outcomes.get(1)).as("the same Idempotency-Key again: nothing written").isEmpty();
        Submitted third = outcomes.get(2).orElseThrow();
        assertThat(third.linkedCaseNumbers()).containsExactly(first.caseNumber());
        assertThat(jdbc.sql("select count(*) from intake_case where external_reference = ?").param(reference)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select linked_case_id from reported_item where case_id = ?").param(third.caseId())
                .query(UUID.class).single()).isEqualTo(first.caseId());
        assertThat(jdbc.sql("select case_id from api_idempotency where api_key_id = ? and idempotency_key = ?")
                .params(apiKey, claim.key()).query(UUID.class).single()).isEqualTo(first.caseId());
    }

    @Test
    void aUrlReportedInEarlierBatchesIsLinkedToTheOldestOpenCaseWithIt() {
        String url = "https://group.example/earlier/" + UUID.randomUUID();
        String reference = "earlier-" + UUID.randomUUID();
        List<Submitted> earlier = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            earlier.add(transactions.execute(status -> AuditActor.supplyAs("test", () ->
                    submitting.submitAll(List.of(submission(report("professional", url, reference), null)))))
                    .getFirst().orElseThrow());
        }
        // Oldest first: a closed case, then two open ones in the order they were received.
        for (int i = 0; i < 3; i++) {
            jdbc.sql("update intake_case set received_at = now() - make_interval(hours => ?) where id = ?")
                    .params(10 - i, earlier.get(i).caseId()).update();
        }
        jdbc.sql("update intake_case set status = 'CLOSED' where id = ?").param(earlier.get(0).caseId()).update();

        Submitted next = transactions.execute(status -> AuditActor.supplyAs("test", () ->
                submitting.submitAll(List.of(submission(report("self", url, reference), null,
                        "https://group.example/other/" + UUID.randomUUID())))))
                .getFirst().orElseThrow();

        assertThat(next.linkedCaseNumbers()).containsExactly(earlier.get(1).caseNumber());
        assertThat(jdbc.sql("select linked_case_id from reported_item where case_id = ? and url = ?")
                .params(next.caseId(), url).query(UUID.class).single()).isEqualTo(earlier.get(1).caseId());
        assertThat(jdbc.sql("select count(*) from reported_item where case_id = ? and linked_case_id is null")
                .param(next.caseId()).query(Integer.class).single()).as("a URL nobody reported before").isEqualTo(1);
    }

    private static Submission submission(NewReport report, Submission.IdempotencyClaim claim, String secondUrl) {
        NewReport withTwo = new NewReport(report.channel(), report.reporterType(), report.forms(), report.otherFormText(),
                List.of(report.items().getFirst(), new NewReport.Item(secondUrl, null, null, null, null)),
                report.notOnline(), report.started(), report.ongoing(), report.minor(), report.policeContacted(),
                report.description(), report.contact(), report.monitoring(), report.origin());
        return submission(withTwo, claim);
    }

    private static Submission submission(NewReport report, Submission.IdempotencyClaim claim) {
        var validated = ReportValidation.validate(report, code -> true).report();
        if (validated == null) {
            // Deliberately invalid reports are built as validation would have passed them on.
            validated = new ValidatedReport(report, List.of(new ValidatedReport.CheckedItem(report.items().getFirst().url(),
                    report.items().getFirst().url(), "group.example", null, null, null, null)), false);
        }
        return new Submission(validated, null, null, PARTNER, claim);
    }

    private static NewReport report(String reporterType, String url, String reference) {
        return new NewReport(Channel.PARTNER_API, reporterType, List.of("doxing"), null,
                List.of(new NewReport.Item(url, null, null, null, null)), false, null, null, "no", "no", null, null,
                null, new NewReport.Origin("Test partner", null, reference, null));
    }
}
