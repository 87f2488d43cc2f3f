package org.recourse.takedown.internal.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Notices carry the four elements of DSA art. 16(2) in both languages, whatever the analyst wrote. */
class NoticeRendererTest {

    static NoticeRenderer renderer() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/takedown");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new NoticeRenderer(messages);
    }

    static final NoticeTemplate ENGLISH = new NoticeTemplate("", "en", "Notice [{{reference}}]",
            "Dear {{recipient}},\n{{trusted_flagger}}\n{{items}}\n{{notifier}}\n{{good_faith}}\nRef {{reference}}");

    static NoticeContent.Item item(String substantiation) {
        return new NoticeContent.Item("https://x.example/a", List.of("ab12"), "ILLEGAL", List.of("art. 139h Sr"), substantiation,
                List.of("deepfake"), java.time.Instant.parse("2026-01-15T09:30:00Z"));
    }

    @Test
    void anEnglishNoticeHasAllFourElementsAndTheTrustedFlaggerDesignation() {
        NoticeRenderer.Rendered text = renderer().render(ENGLISH, new NoticeContent("TD-ABC", "Example Host", true,
                "Helpwanted", "notices@helpwanted.example", List.of(item("Shared without consent."))));

        assertThat(text.subject()).isEqualTo("Notice [TD-ABC]");
        assertThat(text.body()).contains("Dear Example Host,")
                .contains("Why this content is illegal (Article 16(2)(a) DSA):\nShared without consent.")
                .contains("Exact location (URL): https://x.example/a")
                .contains("SHA-256 of the content as we captured it: ab12")
                .contains("Notifier (Article 16(2)(c) DSA): Helpwanted, notices@helpwanted.example")
                .contains("We declare in good faith that the information and allegations in this notice are accurate and complete")
                .contains("trusted flagger within the meaning of Article 22")
                .contains("Legal grounds: art. 139h Sr");
    }

    @Test
    void childSexualAbuseNoticesLeaveTheNotifierOutAndPlatformsWithoutStatusGetNoDesignation() {
        NoticeTemplate dutch = new NoticeTemplate("", "nl", "Melding [{{reference}}]", ENGLISH.body());
        NoticeRenderer.Rendered text = renderer().render(dutch, new NoticeContent("TD-ABC", "Host", false, null, null,
                List.of(item("Uitleg {{notifier}} \\ $1"))));

        assertThat(text.body()).doesNotContain("Helpwanted").doesNotContain("betrouwbare flagger")
                .contains("Naam en e-mailadres van de melder zijn weggelaten")
                .contains("Waarom deze inhoud illegaal is (artikel 16, lid 2, onder a, DSA):\nUitleg {{notifier}} \\ $1")
                .contains("Wij verklaren te goeder trouw");
    }

    @Test
    void aTemplateWithoutAnArticle16ElementIsRefused() {
        assertThat(new NoticeTemplate("", "en", "No ref", "{{items}} {{notifier}}").problems())
                .extracting(p -> p[1])
                .containsExactly("takedown.template.error.subject-reference", "takedown.template.error.body-required");
        assertThat(ENGLISH.problems()).isEmpty();
    }
}
