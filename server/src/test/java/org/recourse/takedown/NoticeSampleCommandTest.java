package org.recourse.takedown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.platform.CliCommand;
import org.recourse.support.XarfSchema;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./recourse notice sample} prints what a recipient receives: a parseable e-mail, the API's
 * JSON body, or an X-ARF report valid against the official schema; the same bytes on every run.
 */
@RecourseTest
class NoticeSampleCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    List<CliCommand> commands;

    @Test
    void xarfPrintsOneValidXarfV4ReportForDoxingByDefault() {
        Output result = run("--channel", "xarf");

        assertThat(result.exit()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(XarfSchema.violations(report)).isEmpty();
        assertThat(report.get("type").asString()).isEqualTo("exposed_data");
        assertThat(report.get("url").asString()).isEqualTo("https://example.org/post/123");
        assertThat(run("--channel", "xarf", "--form", "doxing", "--lang", "en").out()).isEqualTo(result.out());
    }

    @Test
    void emailPrintsTheWholeMessageAsSentWithFixedReferenceDateAndMessageId() throws Exception {
        Output dutch = run("--channel", "email");
        Output english = run("--channel", "email", "--lang", "en", "--form", "doxing");

        assertThat(dutch.exit()).isZero();
        assertThat(run("--channel", "email").out()).isEqualTo(dutch.out());
        MimeMessage message = parse(english.out());
        assertThat(message.getMessageID()).startsWith("<td-sample0001.");
        assertThat(message.getSentDate().toInstant()).hasToString("2026-01-15T10:30:00Z");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("notices@example.org");
        assertThat(message.getHeader("X-Recourse-Reference")).containsExactly("TD-SAMPLE0001");
        assertThat(message.getSubject()).isEqualTo("Notice of illegal content (DSA Art. 16) [TD-SAMPLE0001]");
        assertThat(parse(dutch.out()).getSubject()).isEqualTo("Verwijderverzoek (DSA art. 16) [TD-SAMPLE0001]");
        assertThat(((String) parse(dutch.out()).getContent())).contains("Geachte Example Hosting B.V.", "https://example.org/post/123");
        assertThat(((String) message.getContent()).replace("\r\n", "\n"))
                .contains("https://example.org/post/123", "art. 285d Sr", "We declare in good faith");
        assertThat(dutch.out()).contains("Content-Language: nl");
    }

    @Test
    void apiPrintsTheJsonBodyAPlatformReceives() {
        Output result = run("--channel", "api", "--form", "non_consensual_sharing");

        assertThat(result.exit()).isZero();
        JsonNode body = JSON.readTree(result.out());
        assertThat(body.get("reference").asString()).isEqualTo("TD-SAMPLE0001");
        assertThat(body.get("items").get(0).get("url").asString()).isEqualTo("https://example.org/post/123");
        assertThat(body.get("items").get(0).get("forms").get(0).asString()).isEqualTo("non_consensual_sharing");
        assertThat(body.get("text").asString()).contains("TD-SAMPLE0001");
    }

    @Test
    void badInputGetsAClearMessageAndANonZeroExit() {
        assertThat(run().err()).contains("error: --channel: required");
        assertThat(run("--channel", "fax").err()).contains("error: --channel: 'fax' is not one of email, api, xarf");
        assertThat(run("--channel", "email", "--lang", "de").err()).contains("error: --lang: 'de' is not one of nl, en");
        Output typo = run("--chanel", "xarf");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.out()).isEmpty();
        assertThat(typo.err()).contains("error: '--chanel' is not an option of notice sample; it takes --channel");
        assertThat(run("--channel", "api", "doxing").err()).contains("error: 'doxing' is not an option of notice sample");
        Output unknown = run("--channel", "api", "--form", "revenge\u0000");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("error: --form: 'revenge?' is not a form of violence; known forms:", "doxing");
        Output inexpressible = run("--channel", "xarf", "--form", "deepfake");
        assertThat(inexpressible.exit()).isEqualTo(3);
        assertThat(inexpressible.out()).isEmpty();
        assertThat(inexpressible.err()).contains("XARF v4 has no type for 'deepfake'");
    }

    private static MimeMessage parse(String mail) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)));
    }

    private Output run(String... args) {
        CliCommand command = commands.stream().filter(c -> c.name().equals("notice sample")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Output(int exit, String out, String err) {
    }
}
