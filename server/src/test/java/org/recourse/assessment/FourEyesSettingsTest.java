package org.recourse.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.recourse.assessment.internal.AssessmentSettings;
import org.recourse.assessment.internal.assessing.Outcome;

/** Which decisions wait for a second person, by default and when configured otherwise. */
class FourEyesSettingsTest {

    @Test
    void noticesAndPoliceHandOffsNeedConfirmationByDefaultReferringAndClosingDoNot() {
        AssessmentSettings.FourEyes defaults = new AssessmentSettings(null, null).fourEyes();
        assertThat(Outcome.TAKE_DOWN.needsConfirmation(defaults)).isTrue();
        assertThat(Outcome.POLICE_FIRST.needsConfirmation(defaults)).isTrue();
        assertThat(Outcome.CSAM.needsConfirmation(defaults)).isTrue();
        assertThat(Outcome.THREAT_TO_LIFE.needsConfirmation(defaults)).isTrue();
        assertThat(Outcome.REFER_ONLY.needsConfirmation(defaults)).isFalse();
        assertThat(Outcome.CLOSE.needsConfirmation(defaults)).isFalse();
    }

    @Test
    void eachDecisionTypeIsConfiguredOnItsOwn() {
        AssessmentSettings.FourEyes configured = new AssessmentSettings.FourEyes(false, null, null, null, null, true);
        assertThat(Outcome.TAKE_DOWN.needsConfirmation(configured)).isFalse();
        assertThat(Outcome.POLICE_FIRST.needsConfirmation(configured)).isTrue();
        assertThat(Outcome.CLOSE.needsConfirmation(configured)).isTrue();
        assertThat(Outcome.REFER_ONLY.needsConfirmation(configured)).isFalse();
    }
}
