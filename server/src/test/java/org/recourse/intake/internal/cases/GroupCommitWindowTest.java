package org.recourse.intake.internal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditSource;
import org.recourse.intake.Channel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Reports that arrive one after another within the batch window share a transaction, so a
 * transaction's fixed cost is paid once for them, not once per report; each is still answered
 * only after that commit. The transaction that wrote a row is its {@code xmin}.
 */
@RecourseTest
@TestPropertySource(properties = "recourse.intake.api.batch-window=300ms")
class GroupCommitWindowTest {

    private static final AuditSource PARTNER = new AuditSource("api:Window partner", "127.0.0.1");

    @Autowired
    GroupCommit groupCommit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsArrivingWithinTheWindowAreCommittedTogether() throws Exception {
        String reference = "window-" + UUID.randomUUID();
        List<Future<Optional<Submitted>>> submitted = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                Submission submission = submission("https://window.example/" + UUID.randomUUID(), reference);
                submitted.add(pool.submit(() -> groupCommit.submit(submission)));
                LockSupport.parkNanos(20_000_000); // one every 20 ms: alone, each would be its own transaction
            }
        }
        for (Future<Optional<Submitted>> future : submitted) {
            assertThat(future.get()).isPresent();
        }
        assertThat(jdbc.sql("select count(*) from intake_case where external_reference = ?").param(reference)
                .query(Integer.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("select count(distinct xmin::text) from intake_case where external_reference = ?")
                .param(reference).query(Integer.class).single()).as("transactions for 8 reports").isLessThanOrEqualTo(2);
    }

    private static Submission submission(String url, String reference) {
        NewReport report = new NewReport(Channel.PARTNER_API, "professional", List.of("doxing"), null,
                List.of(new NewReport.Item(url, null, null, null, null)), false, null, null, "no", "no", null, null,
                null, new NewReport.Origin("Window partner", null, reference, null));
        return new Submission(ReportValidation.validate(report, code -> true).report(), null, null, PARTNER, null);
    }
}
