package org.recourse.intake.internal.retention;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.Cases;
import org.recourse.intake.Forms;
import org.recourse.support.StaffHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** After retention a finished case keeps its statistics and loses what identifies anyone. */
@RecourseTest
class CaseRetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    Cases cases;

    @Autowired
    ApplyingCaseRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource superuser;

    @Test
    void aClosedCasePastRetentionIsAnonymisedAndAnOpenOneIsNot() {
        UUID closed = report("https://old.example/private/path-" + UUID.randomUUID());
        UUID open = report("https://open.example/still-" + UUID.randomUUID());
        cases.progress(closed, CaseStatus.CLOSED);
        backdate(closed);
        backdate(open);

        retention.run();

        Map<String, Object> anonymised = jdbc.sql("select * from intake_case where id = ?").param(closed).query().singleRow();
        assertThat(anonymised.get("contact_email")).isNull();
        assertThat(anonymised.get("description")).isNull();
        assertThat(anonymised.get("anonymised_at")).isNotNull();
        assertThat(anonymised.get("forms").toString()).contains("sextortion");
        assertThat(anonymised.get("channel")).isEqualTo("web_form");
        assertThat(anonymised.get("gender")).isEqualTo("woman");
        assertThat(jdbc.sql("select url from reported_item where case_id = ?").param(closed).query(String.class).single())
                .isEqualTo("https://old.example/");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'case.anonymised' and object_id = ?")
                .param(closed.toString()).query(Integer.class).single()).isEqualTo(1);

        Map<String, Object> untouched = jdbc.sql("select * from intake_case where id = ?").param(open).query().singleRow();
        assertThat(untouched.get("contact_email")).isNotNull();
        assertThat(untouched.get("anonymised_at")).isNull();
        assertThat(jdbc.sql("select url from reported_item where case_id = ?").param(open).query(String.class).single())
                .startsWith("https://open.example/still-");
    }

    private UUID report(String url) {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        StaffHttp.Page done = Forms.with("reporterType", "self").and("forms", "sextortion").and("urls", url)
                .and("description", "Hij dreigt de foto's te delen").and("contactEmail", "victim@example.org")
                .and("contactConsent", "true").and("gender", "woman").post(http, "/melden");
        assertThat(done.status()).isEqualTo(200);
        return cases.findByNumber(done.document().getElementById("case-number").text()).orElseThrow().id();
    }

    /** Moves a case's history three years back; the application role may not change history. */
    private void backdate(UUID caseId) {
        JdbcClient.create(superuser).sql("update case_status_history set changed_at = changed_at - interval '3 years' where case_id = ?")
                .param(caseId).update();
    }
}
