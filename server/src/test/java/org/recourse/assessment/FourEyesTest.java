package org.recourse.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.assessment.internal.assessing.AssessingItem;
import org.recourse.assessment.internal.assessing.Decision;
import org.recourse.assessment.internal.assessing.Decisions;
import org.recourse.assessment.internal.assessing.Outcome;
import org.recourse.assessment.internal.queue.Entries;
import org.recourse.assessment.internal.queue.WorkingQueue;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.intake.Cases;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A take-down decision needs a second person: on its own it has no effect, its decider cannot
 * confirm it (not even twice), and only a colleague's confirmation hands it to takedown.
 */
@RecourseTest
@RecordApplicationEvents
class FourEyesTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Cases cases;
    @Autowired QuestionSets questionSets;
    @Autowired WorkingQueue queue;
    @Autowired AssessingItem assessing;
    @Autowired Decisions decisions;
    @Autowired Entries entries;
    @Autowired ApplicationEvents events;

    AssessmentFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(port, jdbc, cases, questionSets);
    }

    @Test
    void aTakeDownTakesEffectOnlyWhenSomeoneElseConfirmsIt() {
        UUID entry = fixtures.report("non_consensual_sharing", AssessmentFixtures.url("four-eyes")).entry();
        String substantiation = "Naaktbeelden zonder toestemming gedeeld; art. 139h Sr. " + UUID.randomUUID();
        assertThat(queue.take(entry, "anna")).isTrue();

        Decision decision = assessing.submit(entry, "anna", fixtures.submission(Outcome.TAKE_DOWN, substantiation, ""));

        assertThat(decision.pending()).isTrue();
        assertThat(entries.find(entry).orElseThrow().state()).isEqualTo("pending_confirmation");
        assertThat(takedowns(entry)).isEmpty();

        assertThatThrownBy(() -> assessing.confirm(decision.id(), "anna"))
                .isInstanceOfSatisfying(AssessingItem.Refused.class, r -> assertThat(r.reason()).isEqualTo("assessment.refused.own-decision"));
        assertThatThrownBy(() -> assessing.confirm(decision.id(), "anna")).isInstanceOf(AssessingItem.Refused.class);
        assertThat(decisions.find(decision.id()).orElseThrow().pending()).isTrue();
        assertThat(takedowns(entry)).isEmpty();

        assessing.confirm(decision.id(), "bram");

        Decision confirmed = decisions.find(decision.id()).orElseThrow();
        assertThat(confirmed.effective()).isTrue();
        assertThat(confirmed.confirmedBy()).isEqualTo("bram");
        assertThat(entries.find(entry).orElseThrow().state()).isEqualTo("decided");
        List<TakedownDecided> handed = takedowns(entry);
        assertThat(handed).singleElement().satisfies(t -> {
            assertThat(t.decidedBy()).isEqualTo("anna");
            assertThat(t.confirmedBy()).isEqualTo("bram");
            assertThat(t.substantiation()).isEqualTo(substantiation);
            assertThat(t.legalGrounds()).containsExactly("art. 139h Sr");
            assertThat(t.legalStatus()).isEqualTo("ILLEGAL");
            assertThat(t.url()).startsWith("https://four-eyes.example/");
        });

        assertThatThrownBy(() -> assessing.confirm(decision.id(), "carla"))
                .isInstanceOfSatisfying(AssessingItem.Refused.class, r -> assertThat(r.reason()).isEqualTo("assessment.refused.not-pending"));
        assertThat(takedowns(entry)).hasSize(1);
    }

    @Test
    void aRejectedDecisionHasNoEffectAndTheItemAwaitsANewOne() {
        UUID entry = fixtures.report("non_consensual_sharing", AssessmentFixtures.url("rejected")).entry();
        queue.take(entry, "anna");
        Decision decision = assessing.submit(entry, "anna", fixtures.submission(Outcome.TAKE_DOWN, "Onderbouwing", ""));

        assertThatThrownBy(() -> assessing.reject(decision.id(), "anna", "eigen besluit")).isInstanceOf(AssessingItem.Refused.class);
        assertThatThrownBy(() -> assessing.reject(decision.id(), "bram", " ")).isInstanceOf(AssessingItem.Invalid.class);
        assessing.reject(decision.id(), "bram", "Eerst de politie laten kijken");

        assertThat(decisions.find(decision.id()).orElseThrow().state()).isEqualTo("rejected");
        assertThat(entries.find(entry).orElseThrow().state()).isEqualTo("needs_decision");
        assertThatThrownBy(() -> assessing.confirm(decision.id(), "carla")).isInstanceOf(AssessingItem.Refused.class);
        assertThat(takedowns(entry)).isEmpty();

        Decision again = assessing.decideAgain(entry, "anna",
                new org.recourse.assessment.internal.assessing.Submission.DecisionRequest(Outcome.POLICE_FIRST, null, List.of()));
        assessing.confirm(again.id(), "bram");
        assertThat(decisions.referralsForCase(again.caseId())).extracting(Decisions.Referral::kind).containsExactly("police");
        assertThat(takedowns(entry)).isEmpty();
    }

    @Test
    void overHttpTheDeciderSeesNoConfirmButtonAndCannotConfirmWhileAColleagueCan() {
        TestStaff staff = new TestStaff(jdbc);
        TestStaff.Account annaAccount = staff.create(StaffRole.ANALYST);
        StaffHttp anna = new StaffHttp(port);
        anna.signIn(annaAccount);
        UUID entry = fixtures.report("non_consensual_sharing", AssessmentFixtures.url("http-four-eyes")).entry();

        anna.postForm("/staff/assessments/" + entry + "/lock", Map.of());
        anna.get("/staff/assessments/" + entry);
        StaffHttp.Page submitted = AssessmentFixtures.post(anna, "/staff/assessments/" + entry,
                fixtures.formFields("take_down", "Onderbouwing voor de melding", ""));
        assertThat(submitted.redirectsTo("/staff/assessments/" + entry)).isTrue();
        UUID decision = decisions.forEntry(entry).getFirst().id();

        StaffHttp.Page page = anna.get("/staff/assessments/" + entry);
        assertThat(page.document().select("#confirm-" + decision)).isEmpty();
        assertThat(page.document().select("#entry-state").text()).isEqualTo("Besluit wacht op bevestiging");
        anna.postForm("/staff/decisions/" + decision + "/confirm", Map.of());
        assertThat(anna.get("/staff/decisions").document().select("#refused").text())
                .contains("Je kunt je eigen besluit niet bevestigen");
        assertThat(decisions.find(decision).orElseThrow().pending()).isTrue();

        StaffHttp bram = new StaffHttp(port);
        bram.signIn(staff.create(StaffRole.COORDINATOR));
        assertThat(bram.get("/staff/decisions").document().select("#confirm-" + decision)).hasSize(1);
        bram.postForm("/staff/decisions/" + decision + "/confirm", Map.of());
        assertThat(bram.get("/staff/decisions").document().select("#done").text()).contains("Bevestigd");
        assertThat(decisions.find(decision).orElseThrow().effective()).isTrue();
        assertThat(anna.get("/staff/assessments/" + entry).document().select("#entry-state").text()).isEqualTo("Besloten");
    }

    private List<TakedownDecided> takedowns(UUID entry) {
        return events.stream(TakedownDecided.class).filter(t -> entry.equals(t.itemId())).toList();
    }
}
