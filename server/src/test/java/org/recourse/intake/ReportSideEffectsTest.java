package org.recourse.intake;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.support.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a public report sets in motion besides the case: every reported URL is queued for
 * evidence capture (except on the child-abuse route), and the audit trail records the report
 * without the reporter's address.
 */
@RecourseTest
@TestPropertySource(properties = "recourse.intake.capture-reported-urls=true")
class ReportSideEffectsTest {

    @LocalServerPort
    int port;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportedUrlIsQueuedForCaptureWithItsItem() {
        String url = "https://capture.example/" + UUID.randomUUID() + "?utm_source=x";
        UUID caseId = submit(url, "no");

        List<String> captured = jdbc.sql("select url from evidence_capture where case_id = ?").param(caseId)
                .query(String.class).list();
        assertThat(captured).containsExactly(url);
        UUID itemId = cases.items(caseId).getFirst().id();
        assertThat(jdbc.sql("select item_id from evidence_capture where case_id = ?").param(caseId)
                .query(UUID.class).single()).isEqualTo(itemId);
    }

    @Test
    void nothingIsCapturedOnTheChildAbuseRoute() {
        UUID caseId = submit("https://capture.example/" + UUID.randomUUID(), "yes");

        assertThat(cases.find(caseId).orElseThrow().childAbuseRoute()).isTrue();
        assertThat(jdbc.sql("select count(*) from evidence_capture where case_id = ?").param(caseId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theAuditTrailKeepsNoAddressOfAnAnonymousReporter() {
        UUID caseId = submit("https://capture.example/" + UUID.randomUUID(), "no");

        assertThat(jdbc.sql("select origin from audit_log where action = 'case.created' and object_id = ?")
                .param(caseId.toString()).query(String.class).single()).isEqualTo("public");
    }

    private UUID submit(String url, String minor) {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        StaffHttp.Page done = Forms.with("reporterType", "self").and("forms", "non_consensual_sharing")
                .and("urls", url).and("minor", minor).post(http, "/melden");
        assertThat(done.status()).isEqualTo(200);
        return cases.findByNumber(done.document().getElementById("case-number").text()).orElseThrow().id();
    }
}
