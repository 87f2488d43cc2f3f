package org.recourse.intake.internal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.Channel;
import org.recourse.intake.ReportReceived;
import org.recourse.intake.ReportsReceived;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A new case announces itself to other modules and leaves an audit entry without content. */
@RecourseTest
@RecordApplicationEvents
class SubmittingReportTest {

    @Autowired
    SubmittingReport submitting;

    @Autowired
    AuditTrail audit;

    @Autowired
    ApplicationEvents events;

    @Test
    void publishesReportReceivedAndAuditsWithoutContent() {
        String url = "https://event.example/" + UUID.randomUUID();
        var report = new NewReport(Channel.EMAIL, "self", List.of("doxing"), null,
                List.of(new NewReport.Item(url, null, null, null, null)), false, null, null, null, null,
                "my address was posted", null, null, null);
        var validated = ReportValidation.validate(report, code -> true).report();

        Submitted submitted = AuditActor.supplyAs("test", () -> submitting.submit(validated, null, null));

        assertThat(events.stream(ReportsReceived.class)).containsExactly(new ReportsReceived(
                List.of(new ReportReceived(submitted.caseId(), submitted.caseNumber(), submitted.receivedAt()))));
        assertThat(audit.entriesFor("case", submitted.caseId().toString())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("case.created");
            assertThat(entry.detail()).isEqualTo("channel=email items=1").doesNotContain(url);
        });
    }
}
