package org.recourse.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The seeded forms of violence, with the codes other modules rely on. */
@RecourseTest
class TaxonomyTest {

    @Autowired
    Taxonomy taxonomy;

    @Test
    void allAgreedCodesAreActiveInGroupOrder() {
        assertThat(taxonomy.activeForms()).extracting(ViolenceForm::code).containsExactly(
                "non_consensual_sharing", "non_consensual_recording", "deepfake", "sextortion", "threat_to_share",
                "cyberflashing", "unwanted_sexting", "sexual_harassment", "grooming", "sexchat_with_child",
                "cyberstalking", "stalkerware", "tracking", "hacked_account", "doxing", "exposure_list",
                "hate_speech", "incitement_to_violence", "child_sexual_abuse_material", "something_else");
    }

    @Test
    void formsHaveDutchAndEnglishLabelsAndHelp() {
        ViolenceForm deepfake = taxonomy.find("deepfake").orElseThrow();
        assertThat(deepfake.group()).isEqualTo(ViolenceGroup.IMAGE_BASED);
        assertThat(deepfake.label(Locale.forLanguageTag("nl"))).isEqualTo("Nepbeelden (deepfake of deepnude)");
        assertThat(deepfake.label(Locale.ENGLISH)).isEqualTo("Fake images (deepfake or deepnude)");
        assertThat(deepfake.help(Locale.ENGLISH)).isNotBlank();
        assertThat(taxonomy.find("exposure_list").orElseThrow().label(Locale.forLanguageTag("nl"))).contains("Bangalijst");
        assertThat(taxonomy.find("no_such_form")).isEmpty();
        assertThat(taxonomy.isActive("sextortion")).isTrue();
    }
}
