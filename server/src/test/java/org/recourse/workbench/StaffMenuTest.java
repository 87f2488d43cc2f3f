package org.recourse.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.assessment.AssessmentFixtures;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.intake.Cases;
import org.recourse.platform.CliCommand;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff menu groups pages by stage of the chain and counts what waits for the signed-in
 * person: a new report raises everyone's queue count, a decision waits for the colleague who may
 * confirm it but not for its decider; coordinators find the notice template editor.
 */
@RecourseTest
class StaffMenuTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Cases cases;
    @Autowired QuestionSets questionSets;
    @Autowired List<CliCommand> commands;

    @Test
    void theMenuFollowsTheChainAndCountsWhatWaitsForEachPerson() {
        WorkbenchFixtures fixtures = new WorkbenchFixtures(port, jdbc, commands);
        TestStaff staff = new TestStaff(jdbc);
        StaffHttp anna = fixtures.signedIn(staff.create(StaffRole.ANALYST));
        StaffHttp bram = fixtures.signedIn(staff.create(StaffRole.ANALYST));

        Document dashboard = anna.get("/staff").document();
        assertThat(dashboard.select("nav.staff-nav details summary > span:first-child").eachText())
                .containsExactly("Melding", "Beoordeling", "Verwijdering", "Escalatie", "Preventie", "Beheer");
        assertThat(dashboard.select("details[data-stage=ASSESSMENT] a").eachAttr("href")).containsExactly("/staff/queue", "/staff/decisions");
        assertThat(dashboard.select("section.dashboard-stage h2").eachText())
                .containsExactly("Melding", "Beoordeling", "Verwijdering", "Escalatie", "Preventie", "Beheer");
        assertThat(dashboard.select("nav.staff-nav a[aria-current=page]").eachAttr("href")).containsExactly("/staff");
        assertThat(anna.get("/staff/queue").document().select("nav.staff-nav a[aria-current=page]").eachAttr("href"))
                .containsExactly("/staff/queue");

        long queueBefore = menuCount(anna, "/staff/queue");
        long annaToConfirm = menuCount(anna, "/staff/decisions");
        long bramToConfirm = menuCount(bram, "/staff/decisions");
        AssessmentFixtures assessment = new AssessmentFixtures(port, jdbc, cases, questionSets);
        AssessmentFixtures.Reported reported = assessment.report("non_consensual_sharing", AssessmentFixtures.url("menu"));
        assertThat(menuCount(anna, "/staff/queue")).as("a new report waits for every analyst").isEqualTo(queueBefore + 1);

        anna.postForm("/staff/assessments/" + reported.entry() + "/lock", Map.of());
        anna.get("/staff/assessments/" + reported.entry());
        AssessmentFixtures.post(anna, "/staff/assessments/" + reported.entry(),
                assessment.formFields("take_down", "Onderbouwing " + UUID.randomUUID(), ""));
        assertThat(menuCount(bram, "/staff/decisions")).as("a colleague's decision waits for bram").isEqualTo(bramToConfirm + 1);
        assertThat(menuCount(anna, "/staff/decisions")).as("but not for the one who took it").isEqualTo(annaToConfirm);
        Element card = bram.get("/staff").document().selectFirst("#stage-assessment a[href=/staff/decisions]").parent();
        assertThat(card.selectFirst(".count").text()).isEqualTo((bramToConfirm + 1) + (bramToConfirm + 1 == 1 ? " wacht op jou" : " wachten op jou"));

        Document coordinator = fixtures.signedIn(staff.create(StaffRole.COORDINATOR)).get("/staff").document();
        assertThat(coordinator.select("details[data-stage=TAKEDOWN] a[href=/staff/takedown/templates]").text())
                .startsWith("Sjablonen voor meldingen");
        Document admin = fixtures.signedIn(staff.create(StaffRole.ADMIN)).get("/staff").document();
        assertThat(admin.select("details[data-stage=ADMINISTRATION] a").eachAttr("href"))
                .contains("/staff/admin/users", "/staff/admin/api-keys", "/staff/audit");
        assertThat(admin.select("form.site-search")).as("search is for those who work cases").isEmpty();
    }

    /** The count next to a menu entry, 0 when none is shown. */
    private static long menuCount(StaffHttp http, String href) {
        Element link = http.get("/staff").document().selectFirst("nav.staff-nav a[href=" + href + "]");
        Element count = link.selectFirst(".count > span:first-child");
        return count == null ? 0 : Long.parseLong(count.text());
    }
}
