package org.recourse.takedown.internal.outbox;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.recourse.takedown.internal.TakedownSettings;
import org.recourse.takedown.internal.notices.NoticeContent;
import org.recourse.takedown.internal.notices.NoticeRenderer;
import org.recourse.takedown.internal.notices.NoticeTemplates;
import org.recourse.takedown.internal.notices.SampleNotices;
import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./recourse notice sample --channel email|api|xarf [--form FORM] [--lang nl|en]}: prints a
 * notice exactly as a recipient receives it, built by the same code that sends real ones, from a
 * fictitious item and with a fixed reference, date and Message-ID, so the output is the same on
 * every run. A platform can build its parser before the first real notice arrives.
 */
@Component
class NoticeSampleCommand implements CliCommand {

    static final String REFERENCE = "TD-SAMPLE0001";
    static final Date SENT = Date.from(SampleNotices.DECIDED_AT.plusSeconds(3600));
    private static final Set<String> CHANNELS = Set.of("email", "api", "xarf");
    private static final Set<String> LANGUAGES = Set.of("nl", "en");
    private static final Set<String> OPTIONS = Set.of("channel", "form", "lang");
    private static final List<String> RESERVED = List.of("invalid", "test", "example", "localhost");

    private final NoticeTemplates templates;
    private final NoticeRenderer renderer;
    private final TakedownSettings settings;
    private final EmailChannel email;
    private final JsonMapper json;
    private final Taxonomy taxonomy;

    NoticeSampleCommand(NoticeTemplates templates, NoticeRenderer renderer, TakedownSettings settings, EmailChannel email,
                        JsonMapper json, Taxonomy taxonomy) {
        this.templates = templates;
        this.renderer = renderer;
        this.settings = settings;
        this.email = email;
        this.json = json;
        this.taxonomy = taxonomy;
    }

    @Override
    public String name() {
        return "notice sample";
    }

    @Override
    public String summary() {
        return "print a sample notice as a recipient receives it (--channel email|api|xarf [--form FORM] [--lang nl|en])";
    }

    @Override
    public void help(PrintStream out) {
        out.println("""
                notice sample --channel email|api|xarf [--form FORM] [--lang nl|en]

                Prints a notice about one fictitious item exactly as a recipient receives it:
                  --channel email  the whole e-mail (RFC 5322 headers and body)
                  --channel api    the JSON body posted to a platform's notice API
                  --channel xarf   the first XARF v4 report attached to an X-ARF e-mail
                --form is a form-of-violence code (default: deepfake; doxing for xarf, the only form
                XARF has a type for). --lang picks the notice language (default nl).
                Reference, date and Message-ID are fixed, so the output is the same every time.""");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CliArguments arguments = CliArguments.parse(args);
        List<String> unknown = arguments.unknown(OPTIONS);
        if (!unknown.isEmpty()) {
            err.println("error: '" + printable(unknown.getFirst()) + "' is not an option of notice sample; it takes "
                    + "--channel email|api|xarf, --form FORM and --lang nl|en");
            return 2;
        }
        String channel = arguments.option("channel").orElse("");
        if (!CHANNELS.contains(channel)) {
            err.println(channel.isEmpty() ? "error: --channel: required (email, api or xarf)"
                    : "error: --channel: '" + printable(channel) + "' is not one of email, api, xarf");
            return 2;
        }
        String language = arguments.option("lang").orElse("nl");
        if (!LANGUAGES.contains(language)) {
            err.println("error: --lang: '" + printable(language) + "' is not one of nl, en");
            return 2;
        }
        String form = arguments.option("form").orElse("xarf".equals(channel) ? XarfReports.DOXING : "deepfake");
        Optional<ViolenceForm> known = taxonomy.find(form);
        if (known.isEmpty()) {
            err.println("error: --form: '" + printable(form) + "' is not a form of violence; known forms: "
                    + String.join(", ", taxonomy.activeForms().stream().map(ViolenceForm::code).toList()));
            return 2;
        }
        OutgoingNotice notice = notice(channel, language, known.get().code());
        try {
            switch (channel) {
                case "email" -> out.print(mail(email.message(notice)));
                case "api" -> out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(PlatformApiChannel.body(notice)));
                default -> {
                    Optional<Map<String, Object>> report = XarfReports.first(notice.reference(), notice.content());
                    if (report.isEmpty()) {
                        err.println("error: --form: XARF v4 has no type for '" + form + "'; notices about it carry no X-ARF "
                                + "report, only the plain notice (see --channel email); X-ARF reports exist for --form doxing");
                        return 3;
                    }
                    out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report.get()));
                }
            }
        } catch (MessagingException | java.io.IOException e) {
            err.println("error: could not write the sample: " + e.getMessage());
            return 1;
        }
        out.flush();
        if (unconfigured(settings.notifier().email())) {
            err.println("note: the notifier address '" + settings.notifier().email() + "' is not a real address; set "
                    + "RECOURSE_TAKEDOWN_NOTIFIER_EMAIL to the hotline's own: recipients cannot answer it, and XARF "
                    + "validators reject it as the report's reporter and sender contact");
        }
        return 0;
    }

    /** An address in a domain reserved so that it never exists (RFC 2606, RFC 6761), such as the default. */
    static boolean unconfigured(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return RESERVED.stream().anyMatch(tld -> domain.equals(tld) || domain.endsWith("." + tld));
    }

    private OutgoingNotice notice(String channel, String language, String form) {
        NoticeContent content = SampleNotices.content(REFERENCE, SampleNotices.RECIPIENT, true,
                settings.notifier().name(), settings.notifier().email(), form);
        NoticeRenderer.Rendered text = renderer.render(templates.forRecipient(NoticeTemplates.DEFAULT, language), content);
        String messageId = "<" + REFERENCE.toLowerCase(Locale.ROOT) + "." + new UUID(0, 1) + "@"
                + settings.notifier().messageIdDomain() + ">";
        return new OutgoingNotice(new UUID(0, 1), REFERENCE, "example-hosting", channel, "notices@example.org", language,
                text.subject(), text.body(), messageId, content);
    }

    private static String mail(MimeMessage message) throws MessagingException, java.io.IOException {
        message.setSentDate(SENT);
        message.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** An argument echoed in an error message, without control characters. */
    private static String printable(String value) {
        String cleaned = value.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) + "…" : cleaned;
    }
}
