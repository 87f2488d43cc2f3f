package org.recourse.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.intake.Cases;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coordinator writes a question set, an analyst answers it, the coordinator changes it: the
 * change is a new version, new assessments ask the new questions, and the earlier assessment
 * keeps showing the questions it was answered with.
 */
@RecourseTest
class QuestionSetVersioningTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Cases cases;
    @Autowired QuestionSets questionSets;

    @Test
    void editingASetMakesANewVersionAndOldAssessmentsKeepTheirQuestions() {
        TestStaff staff = new TestStaff(jdbc);
        StaffHttp coordinator = new StaffHttp(port);
        coordinator.signIn(staff.create(StaffRole.COORDINATOR));
        String name = "Context " + UUID.randomUUID();

        coordinator.get("/staff/question-sets");
        StaffHttp.Page invalid = coordinator.postForm("/staff/question-sets", Map.of("name", name,
                "text", "radio: Zonder antwoorden\nwhat: Onbekende soort"));
        assertThat(invalid.document().select("#text-error p").eachText())
                .containsExactly("Regel 1: geef ten minste twee antwoorden na de |.",
                        "Regel 2: onbekende soort; gebruik radio, checkbox, select of text.");
        assertThat(invalid.document().select("#text").attr("aria-describedby")).contains("text-error");

        StaffHttp.Page created = coordinator.postForm("/staff/question-sets", Map.of("name", name,
                "text", "radio: Was het account openbaar? | ja; nee\ntext: Waar gevonden?"));
        assertThat(created.location()).contains("/staff/question-sets/");
        String setPath = created.location().replaceAll("^https?://[^/]+", "");
        UUID setId = UUID.fromString(setPath.substring(setPath.lastIndexOf('/') + 1));

        AssessmentFixtures fixtures = new AssessmentFixtures(port, jdbc, cases, questionSets);
        UUID first = fixtures.report("doxing", AssessmentFixtures.url("versioned-1")).entry();
        StaffHttp analyst = new StaffHttp(port);
        analyst.signIn(staff.create(StaffRole.ANALYST));
        analyst.postForm("/staff/assessments/" + first + "/lock", Map.of());
        Document form = analyst.get("/staff/assessments/" + first).document();
        assertThat(form.select("fieldset.question-set legend").eachText()).contains(name + " (versie 1)");
        assertThat(form.select("#assessment-form").text()).contains("Was het account openbaar?");
        AssessmentFixtures.post(analyst, "/staff/assessments/" + first, fixtures.formFields("close", "", "geen actie nodig"));

        coordinator.get(setPath);
        StaffHttp.Page saved = coordinator.postForm(setPath, Map.of("text",
                "select: Was het profiel openbaar of besloten? | openbaar; besloten; onbekend\ntext: Waar gevonden?"));
        assertThat(saved.redirectsTo(setPath)).isTrue();
        Document setPage = coordinator.get(setPath).document();
        assertThat(setPage.select("#saved").text()).isEqualTo("Opgeslagen als versie 2.");
        assertThat(setPage.select("#versions a").eachText()).containsExactly("Versie 2", "Versie 1");
        assertThat(coordinator.get(setPath + "/versions/1").document().select("#questions li").eachText())
                .anySatisfy(q -> assertThat(q).contains("Was het account openbaar?"));
        assertThat(coordinator.get(setPath + "/versions/3").status()).isEqualTo(404);

        Document old = analyst.get("/staff/assessments/" + first).document();
        assertThat(old.select("#answers dt").eachText()).contains("Was het account openbaar?")
                .doesNotContain("Was het profiel openbaar of besloten?");
        assertThat(old.select("#answers dd").eachText()).contains("ja");

        UUID second = fixtures.report("doxing", AssessmentFixtures.url("versioned-2")).entry();
        analyst.postForm("/staff/assessments/" + second + "/lock", Map.of());
        Document newForm = analyst.get("/staff/assessments/" + second).document();
        assertThat(newForm.select("fieldset.question-set legend").eachText()).contains(name + " (versie 2)");
        assertThat(newForm.select("#assessment-form").text()).contains("Was het profiel openbaar of besloten?")
                .doesNotContain("Was het account openbaar?");
        analyst.postForm("/staff/assessments/" + second + "/release", Map.of());

        coordinator.postForm(setPath + "/active", Map.of("active", "false"));
        assertThat(questionSets.current()).noneMatch(v -> v.setId().equals(setId));
        assertThat(questionSets.version(setId, 1)).isPresent();
        assertThat(analyst.get("/staff/assessments/" + first).document().select("#answers dt").eachText())
                .contains("Was het account openbaar?");
    }
}
