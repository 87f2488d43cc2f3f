package org.recourse.takedown.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.support.XarfSchema;
import org.recourse.takedown.internal.TakedownSettings;
import org.recourse.takedown.internal.notices.NoticeRenderer;
import org.recourse.takedown.internal.notices.NoticeTemplates;
import org.recourse.taxonomy.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * With the notifier address left at its default ({@code notices@recourse.invalid}), the X-ARF
 * sample is the report recipients would get, and XARF validators reject its contact: the command
 * still prints it, and says on standard error what to set. With a real address it says nothing.
 */
@RecourseTest
class NoticeSampleUnconfiguredTest {

    @Autowired
    NoticeTemplates templates;

    @Autowired
    NoticeRenderer renderer;

    @Autowired
    TakedownSettings settings;

    @Autowired
    EmailChannel email;

    @Autowired
    JsonMapper json;

    @Autowired
    Taxonomy taxonomy;

    @Test
    void theDefaultNotifierAddressIsNamedAsTheReasonTheReportWouldNotValidate() {
        TakedownSettings.Notifier notifier = new TakedownSettings.Notifier(settings.notifier().name(),
                "notices@recourse.invalid", settings.notifier().messageIdDomain());
        NoticeSampleCommand command = new NoticeSampleCommand(templates, renderer, new TakedownSettings(notifier,
                settings.notices(), settings.mail(), settings.monitoring(), settings.sla(), settings.replies(),
                settings.platformApiTokens()), email, json, taxonomy);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(command.run(List.of("--channel", "xarf"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();

        assertThat(XarfSchema.violations(JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8))))
                .anySatisfy(violation -> assertThat(violation).contains("/reporter/contact"));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("note: the notifier address 'notices@recourse.invalid' is not "
                + "a real address; set RECOURSE_TAKEDOWN_NOTIFIER_EMAIL");
    }

    @Test
    void aRealNotifierAddressGetsNoNote() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NoticeSampleCommand command = new NoticeSampleCommand(templates, renderer, settings, email, json, taxonomy);

        assertThat(command.run(List.of("--channel", "xarf"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();

        assertThat(settings.notifier().email()).isEqualTo("notices@hotline.example.org");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
