package org.recourse.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.assessment.internal.queue.Entries;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.CaseStatus;
import org.recourse.intake.Cases;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What analysts see on the queue: urgency, filters, who is assessing what, and bulk closing. */
@RecourseTest
class QueuePagesTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Cases cases;
    @Autowired QuestionSets questionSets;
    @Autowired Entries entries;
    @Autowired AuditTrail audit;

    @Test
    void urgentCasesComeFirstWithTheCsgReferralAndFiltersNarrowTheQueue() {
        AssessmentFixtures fixtures = new AssessmentFixtures(port, jdbc, cases, questionSets);
        UUID calm = fixtures.report("hate_speech", List.of(AssessmentFixtures.url("calm")),
                Map.of("started", "longer_ago")).entry();
        UUID urgent = fixtures.report("non_consensual_sharing", List.of("https://www.instagram.com/p/" + UUID.randomUUID()),
                Map.of("started", "last_7_days")).entry();
        UUID minor = fixtures.report("sexual_harassment", List.of(AssessmentFixtures.url("minor")),
                Map.of("minor", "yes", "started", "last_year")).entry();

        StaffHttp analyst = new StaffHttp(port);
        analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        Document queue = analyst.get("/staff/queue").document();
        List<String> order = queue.select("#queue tbody tr").eachAttr("data-entry");
        assertThat(order).containsSubsequence(urgent.toString(), calm.toString());
        Element urgentRow = row(queue, urgent);
        assertThat(urgentRow.select(".badge.urgent").text()).isEqualTo("Spoed");
        assertThat(urgentRow.select(".urgent-referral").text()).isEqualTo("Verwijs vandaag door naar Centrum Seksueel Geweld");
        assertThat(urgentRow.text()).contains("Instagram");
        assertThat(row(queue, calm).select(".badge.urgent")).isEmpty();
        assertThat(row(queue, calm).text()).contains("Online haat tegen vrouwen");

        assertThat(ids(analyst.get("/staff/queue?platform=Instagram").document())).contains(urgent.toString())
                .doesNotContain(calm.toString(), minor.toString());
        assertThat(ids(analyst.get("/staff/queue?minor=yes").document())).contains(minor.toString())
                .doesNotContain(calm.toString(), urgent.toString());
        assertThat(ids(analyst.get("/staff/queue?form=hate_speech").document())).contains(calm.toString())
                .doesNotContain(urgent.toString());
        assertThat(ids(analyst.get("/staff/queue?channel=phone").document())).doesNotContain(calm.toString(), urgent.toString());
        List<String> newest = ids(analyst.get("/staff/queue?sort=newest").document());
        assertThat(newest).containsSubsequence(minor.toString(), urgent.toString(), calm.toString());

        Document entryPage = analyst.get("/staff/assessments/" + urgent).document();
        assertThat(entryPage.select("#urgent").text()).contains("Centrum Seksueel Geweld");
        assertThat(entryPage.select("ol.referrals li[data-rule=csg-urgent]")).hasSize(1);
    }

    @Test
    void othersSeeWhoIsAssessingAnItemAndBulkClosingLeavesItAlone() {
        AssessmentFixtures fixtures = new AssessmentFixtures(port, jdbc, cases, questionSets);
        AssessmentFixtures.Reported duplicate = fixtures.report("deepfake", AssessmentFixtures.url("duplicate"));
        UUID taken = fixtures.report("deepfake", AssessmentFixtures.url("taken")).entry();
        TestStaff staff = new TestStaff(jdbc);
        TestStaff.Account annaAccount = staff.create(StaffRole.ANALYST);
        StaffHttp anna = new StaffHttp(port);
        anna.signIn(annaAccount);
        StaffHttp bram = new StaffHttp(port);
        bram.signIn(staff.create(StaffRole.ANALYST));

        anna.postForm("/staff/assessments/" + taken + "/lock", Map.of());
        assertThat(anna.get("/staff/assessments/" + taken).document().select("#assessment-form")).hasSize(1);
        Document bramsQueue = bram.get("/staff/queue").document();
        assertThat(row(bramsQueue, taken).select(".badge.locked").text()).isEqualTo("Wordt beoordeeld door " + annaAccount.username());
        bram.postForm("/staff/assessments/" + taken + "/lock", Map.of());
        Document refused = bram.get("/staff/assessments/" + taken).document();
        assertThat(refused.select("#locked-by-other").text()).contains(annaAccount.username());
        assertThat(refused.select("#assessment-form")).isEmpty();

        bram.get("/staff/queue");
        StaffHttp.Page noReason = AssessmentFixtures.post(bram, "/staff/queue/bulk", Map.of("entry",
                List.of(duplicate.entry().toString()), "action", List.of("close_duplicate"), "reason", List.of(" ")));
        assertThat(noReason.redirectsTo("/staff/queue")).isTrue();
        assertThat(bram.get("/staff/queue").document().select("#bulk-error").text()).isEqualTo("Geef een reden om te sluiten.");
        assertThat(entries.find(duplicate.entry()).orElseThrow().state()).isEqualTo("awaiting");

        AssessmentFixtures.post(bram, "/staff/queue/bulk", Map.of("entry", List.of(duplicate.entry().toString(), taken.toString()),
                "action", List.of("close_duplicate"), "reason", List.of("Zelfde als eerdere melding")));
        assertThat(bram.get("/staff/queue").document().select("#bulk-result").text())
                .startsWith("1 items verwerkt, 1 overgeslagen");
        assertThat(entries.find(duplicate.entry()).orElseThrow().state()).isEqualTo("closed");
        assertThat(entries.find(taken).orElseThrow().state()).isEqualTo("awaiting");
        assertThat(audit.entriesFor("assessment_entry", duplicate.entry().toString())).extracting(AuditEntry::action)
                .contains("assessment_entry.closed");
        assertThat(cases.find(duplicate.caseId()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(cases.find(entries.find(taken).orElseThrow().caseId()).orElseThrow().status()).isEqualTo(CaseStatus.BEING_ASSESSED);
    }

    @Test
    void aCoordinatorAssignsAnItemToAnAnalystAndAnAnalystMayNot() {
        AssessmentFixtures fixtures = new AssessmentFixtures(port, jdbc, cases, questionSets);
        UUID entry = fixtures.report("cyberstalking", AssessmentFixtures.url("assigned")).entry();
        TestStaff staff = new TestStaff(jdbc);
        TestStaff.Account carlaAccount = staff.create(StaffRole.ANALYST);
        StaffHttp coordinator = new StaffHttp(port);
        coordinator.signIn(staff.create(StaffRole.COORDINATOR));
        StaffHttp analyst = new StaffHttp(port);
        analyst.signIn(staff.create(StaffRole.ANALYST));

        analyst.get("/staff/queue");
        StaffHttp.Page refused = AssessmentFixtures.post(analyst, "/staff/queue/bulk", Map.of("entry", List.of(entry.toString()),
                "action", List.of("assign"), "assignee", List.of(carlaAccount.username())));
        assertThat(refused.status()).isEqualTo(403);

        coordinator.get("/staff/queue");
        AssessmentFixtures.post(coordinator, "/staff/queue/bulk", Map.of("entry", List.of(entry.toString()),
                "action", List.of("assign"), "assignee", List.of("nobody-" + UUID.randomUUID())));
        assertThat(coordinator.get("/staff/queue").document().select("#bulk-error").text())
                .isEqualTo("Die gebruiker is geen actieve analist of coördinator.");
        AssessmentFixtures.post(coordinator, "/staff/queue/bulk", Map.of("entry", List.of(entry.toString()),
                "action", List.of("assign"), "assignee", List.of(carlaAccount.username())));

        assertThat(entries.find(entry).orElseThrow().lockedBy()).isEqualTo(carlaAccount.username());
        StaffHttp carla = new StaffHttp(port);
        carla.signIn(carlaAccount);
        assertThat(carla.get("/staff/assessments/" + entry).document().select("#assessment-form")).hasSize(1);
        assertThat(audit.entriesFor("assessment_entry", entry.toString())).extracting(AuditEntry::action)
                .contains("assessment_entry.assigned");

        AssessmentFixtures.post(coordinator, "/staff/queue/bulk", Map.of("entry", List.of(entry.toString()),
                "action", List.of("release")));
        assertThat(entries.find(entry).orElseThrow().lockedBy()).isNull();
    }

    private static Element row(Document queue, UUID entry) {
        Element row = queue.selectFirst("#queue tbody tr[data-entry=" + entry + "]");
        assertThat(row).as("queue row of " + entry).isNotNull();
        return row;
    }

    private static List<String> ids(Document queue) {
        return queue.select("#queue tbody tr").eachAttr("data-entry");
    }
}
