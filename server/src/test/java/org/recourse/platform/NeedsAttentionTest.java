package org.recourse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.intake.Cases;
import org.recourse.intake.Forms;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's "needs attention" list gathers what modules contribute: here the evidence vault's
 * failed capture, named by case number with the reason and the action, shown to the roles that can
 * act on it and gone once the address is captured again.
 */
@RecourseTest
class NeedsAttentionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Cases cases;

    StaffHttp signedIn(StaffRole role) {
        StaffHttp http = new StaffHttp(port);
        http.get("/report");
        http.signIn(new TestStaff(jdbc).create(role));
        return http;
    }

    Element entryFor(StaffHttp http, String caseNumber) {
        return org.recourse.support.AttentionEntries.forCase(http, "evidence", caseNumber);
    }

    void capture(UUID caseId, String url, String status, String refusal, String outcome) {
        jdbc.sql("""
                        insert into evidence_capture (id, case_id, url, status, attempts, requested_at, requested_by, finished_at, refusal,
                            outcome, retain_until)
                        values (?, ?, ?, ?, 3, now(), 'analyst-x', case when ? in ('failed', 'done') then now() end, ?, ?,
                                now() + interval '1 year')""")
                .params(UUID.randomUUID(), caseId, url, status, status, refusal, outcome).update();
    }

    @Test
    void aFailedCaptureWaitsOnTheDashboardOfThoseWhoCanActUntilItIsCapturedAgain() {
        String url = "https://capture.example/" + UUID.randomUUID();
        StaffHttp reporter = new StaffHttp(port);
        reporter.get("/report");
        String number = Forms.with("reporterType", "self").and("forms", "deepfake").and("urls", url).post(reporter, "/report")
                .document().getElementById("case-number").text();
        UUID caseId = cases.findByNumber(number).orElseThrow().id();
        capture(caseId, url, "failed", "CONNECTION", "the connection to capture.example failed: Connection refused");

        StaffHttp analyst = signedIn(StaffRole.ANALYST);
        Element entry = entryFor(analyst, number);
        assertThat(entry).isNotNull();
        assertThat(entry.selectFirst(".reason").text())
                .isEqualTo("Capture of " + url + " — Failed: no connection to the website.");
        assertThat(entry.selectFirst("a.action").text()).isEqualTo("Capture again or add it by hand");
        assertThat(entry.selectFirst("a.action").attr("href")).isEqualTo("/staff/cases/" + number + "#evidence");
        assertThat(entry.selectFirst(".case-number a").attr("href")).isEqualTo("/staff/cases/" + number);

        org.jsoup.nodes.Document dashboard = analyst.get("/staff?area=evidence&page=x%00").document();
        assertThat(dashboard.getElementById("attention-area-evidence").attr("aria-current")).isEqualTo("page");
        assertThat(dashboard.getElementById("attention-area-takedown").attr("href")).isEqualTo("/staff?area=takedown");
        assertThat(dashboard.getElementById("attention-page")).as("one page needs no pager").isNull();
        assertThat(dashboard.select("#attention-list .reason").eachText()).allMatch(reason -> reason.startsWith("Capture of "));

        StaffHttp liaison = signedIn(StaffRole.LIAISON);
        assertThat(liaison.get("/staff").document().getElementById("attention-list")).isNull();
        assertThat(liaison.get("/staff").document().getElementById("attention-none").text()).isEqualTo("Nothing is waiting for you.");

        capture(caseId, url, "done", null, "captured");
        assertThat(entryFor(analyst, number)).isNull();
    }
}
