package org.recourse.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recourse.support.Eventually;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.intake.Forms;
import org.recourse.statistics.internal.facts.Municipalities;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read model is fed by intake's event, not by reading intake's tables: a report sent through
 * the public form becomes one coded row, its municipality matched to the CBS list and no free text
 * kept; measures whose source nothing records say so instead of showing zero.
 */
@RecourseTest
class ReadModelTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    org.recourse.support.MutableClock clock;

    @Test
    void aReportThroughTheFormBecomesOneCodedRow() {
        StaffHttp http = new StaffHttp(port);
        http.get("/report");
        StaffHttp.Page page = Forms.with("reporterType", "self").and("forms", "sextortion").and("forms", "deepfake")
                .and("urls", "https://stats.example/a\nhttps://stats.example/b").and("policeContacted", "no")
                .and("description", "in mijn eigen woorden").and("gender", "woman").and("ageBand", "16_17")
                .and("relationship", "ex_partner").and("municipality", "gemeente Den Bosch")
                .post(http, "/report");
        String number = page.document().getElementById("case-number").text();
        Object caseId = jdbc.sql("select id from intake_case where case_number = ?").param(number).query().singleValue();

        Eventually.await("the case reached statistics",
                () -> jdbc.sql("select count(*) from stat_case where case_id = ?").param(caseId).query(Long.class).single() == 1);
        Map<String, Object> row = jdbc.sql("select * from stat_case where case_id = ?").param(caseId).query().singleRow();
        assertThat(row).containsEntry("channel", "web_form").containsEntry("form", "sextortion")
                .containsEntry("gender", "woman").containsEntry("age_band", "16_17").containsEntry("relationship", "ex_partner")
                .containsEntry("police_contacted", "no").containsEntry("municipality", "'s-Hertogenbosch")
                .containsEntry("province", "Noord-Brabant").containsEntry("items", 2);
        assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains("eigen woorden"));
    }

    @Test
    void municipalitiesAreMatchedHoweverTheyAreWritten() {
        Municipalities list = new Municipalities();
        assertThat(list.match("Súdwest-Fryslân").province()).isEqualTo("Fryslân");
        assertThat(list.match("sudwest fryslan").municipality()).isEqualTo("Súdwest-Fryslân");
        assertThat(list.match("  's-Gravenhage ").province()).isEqualTo("Zuid-Holland");
        assertThat(list.match("Den Haag").municipality()).isEqualTo("'s-Gravenhage");
        assertThat(list.match("Bergen (L.)").province()).isEqualTo("Limburg");
        assertThat(list.match("Bergen").province()).as("two municipalities are called Bergen").isEqualTo("unknown");
        assertThat(list.match("Atlantis").province()).isEqualTo("unknown");
        assertThat(list.match(null).province()).isEqualTo("unknown");
        assertThat(list.provinces()).hasSize(12);
    }

    @Test
    void pagesReadComputedFiguresForFiveMinutesAtMost() {
        StaffHttp coordinator = new StaffHttp(port);
        coordinator.get("/staff");
        coordinator.signIn(new TestStaff(jdbc).create(StaffRole.COORDINATOR));
        assertThat(coordinator.get("/staff/statistics?period=2029-Q4").document().getElementById("key-cases").text()).isEqualTo("0");

        new StatisticsFixtures(jdbc, events, transactions).cases(2, new StatisticsFixtures.CaseFacts(
                java.time.Instant.parse("2029-11-02T10:00:00Z"), "phone", "doxing", "man", "35_44", "stranger", "no", "Ede"));
        var kept = coordinator.get("/staff/statistics?period=2029-Q4").document();
        assertThat(kept.getElementById("key-cases").text()).as("the kept figures").isEqualTo("0");
        assertThat(kept.getElementById("computed-at").text()).startsWith("Berekend op ");

        clock.advance(java.time.Duration.ofMinutes(6));
        try {
            assertThat(coordinator.get("/staff/statistics?period=2029-Q4").document().getElementById("key-cases").text())
                    .isEqualTo("2");
        } finally {
            clock.reset();
        }
    }

    @Test
    void anEmptyPeriodShowsZeroForEverySourceAndKeepsItsCategories() {
        StaffHttp coordinator = new StaffHttp(port);
        coordinator.get("/staff");
        coordinator.signIn(new TestStaff(jdbc).create(StaffRole.COORDINATOR));
        var doc = coordinator.get("/staff/statistics?period=2030").document();
        assertThat(doc.getElementById("key-escalations").text()).as("escalation records escalations now").isEqualTo("0");
        assertThat(doc.getElementById("key-reuploads").text()).as("matching records re-uploads now").isEqualTo("0");
        assertThat(doc.select(".not-recorded")).as("every source is recorded").isEmpty();
        assertThat(doc.getElementById("key-cases").text()).isEqualTo("0");
        assertThat(doc.select("#cases-by-gender tbody th").eachText()).contains("Zeg ik liever niet", "Onbekend");
    }
}
