package org.recourse.referral.internal.safety;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.directory.OrganisationKind;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.platform.PdfDocuments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The digital risk summary of a case's latest safety check — the signals present, with since when
 * — for a risk assessment by Veilig Thuis, a shelter or the police, only with the victim's consent
 * to share it with that organisation. JSON ({@code docs/schemas/digital-risk-summary.v1.json}) or
 * PDF; every export is recorded (to whom, with what consent) and audited.
 */
@Service
public class DigitalRiskSummaries {

    public static final String SCHEMA = "https://recourse.example/schemas/digital-risk-summary.v1.json";
    /** How the victim can have given her consent to sharing the summary, in the order the form offers them. */
    static final List<String> CONSENT_WAYS = List.of("phone", "email", "in_person", "chat", "status_page");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final CheckingSafety checks;
    private final SafetyTexts texts;
    private final Cases cases;
    private final Directory directory;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final String hotline;
    private final Clock clock;

    DigitalRiskSummaries(CheckingSafety checks, SafetyTexts texts, Cases cases, Directory directory, MessageSource messages,
                         AuditTrail audit, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                         @Value("${recourse.takedown.notifier.name:Helpwanted}") String hotline, Clock clock) {
        this.checks = checks;
        this.texts = texts;
        this.cases = cases;
        this.directory = directory;
        this.messages = messages;
        this.audit = audit;
        this.jdbc = jdbc;
        this.hotline = hotline;
        this.clock = clock;
    }

    public enum Format { JSON, PDF }

    public sealed interface Result permits Exported, Refused {
    }

    public record Exported(byte[] bytes, String contentType, String filename) implements Result {
    }

    /** {@code reason} is a message key. */
    public record Refused(String reason) implements Result {
    }

    /** Help organisations and the police: whom a summary can be shared with. */
    public List<Organisation> recipients() {
        return directory.all().stream().filter(o -> o.kind() == OrganisationKind.HELP || o.kind() == OrganisationKind.POLICE).toList();
    }

    @Transactional
    public Result export(UUID caseId, Format format, String organisationKey, String consentHow, String analyst, Locale locale) {
        Optional<CaseView> view = cases.find(caseId);
        Optional<SafetyCheck> check = checks.latest(caseId);
        if (view.isEmpty() || check.isEmpty()) {
            return new Refused("referral.safety.export.no-check");
        }
        Optional<Organisation> recipient = organisationKey == null ? Optional.empty() : directory.findByKey(organisationKey.strip())
                .filter(o -> o.kind() == OrganisationKind.HELP || o.kind() == OrganisationKind.POLICE);
        if (recipient.isEmpty()) {
            return new Refused("referral.safety.export.recipient");
        }
        if (consentHow == null || !CONSENT_WAYS.contains(consentHow.strip())) {
            return new Refused("referral.safety.export.consent");
        }
        Instant now = clock.instant();
        Map<String, Object> summary = summary(view.get(), check.get(), recipient.get(), consentHow.strip(), analyst, now);
        jdbc.sql("""
                        insert into referral_safety_export (id, case_id, check_id, shared_with, consent_how, format, exported_by, exported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), caseId, check.get().id(), recipient.get().key(), consentHow.strip(),
                        format.name().toLowerCase(Locale.ROOT), analyst, Timestamp.from(now)).update();
        audit.record("safety-summary.exported", "case", caseId.toString(),
                "to=" + recipient.get().key() + " consent=" + consentHow.strip() + " format=" + format.name().toLowerCase(Locale.ROOT));
        String name = "digital-risk-summary-" + view.get().caseNumber();
        try {
            return format == Format.JSON
                    ? new Exported(JSON.writeValueAsBytes(summary), "application/json", name + ".json")
                    : new Exported(PdfDocuments.render(xhtml(summary, check.get(), locale)), "application/pdf", name + ".pdf");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The document (schema v1): what was found, since when, and with whose consent it is shared. */
    Map<String, Object> summary(CaseView view, SafetyCheck check, Organisation recipient, String consentHow, String analyst, Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", SCHEMA);
        doc.put("caseReference", view.caseNumber());
        doc.put("producedAt", now.toString());
        doc.put("producedBy", hotline);
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("sharedWith", Map.of("key", recipient.key(), "name", recipient.name()));
        consent.put("given", consentHow);
        consent.put("recordedAt", now.toString());
        doc.put("consent", consent);
        Map<String, Object> checkPart = new LinkedHashMap<>();
        checkPart.put("doneAt", check.doneAt().toString());
        checkPart.put("doneBy", check.byReporter() ? "victim" : "hotline");
        checkPart.put("textVersion", check.textVersion());
        doc.put("check", checkPart);
        List<Map<String, Object>> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        List<String> notAsked = new ArrayList<>();
        for (SafetySignal signal : SafetySignal.values()) {
            SafetyCheck.Answer a = check.answers().get(signal);
            if (a == null) {
                notAsked.add(signal.code());
            } else if (!a.answer().present()) {
                absent.add(signal.code());
            } else {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("signal", signal.code());
                s.put("answer", a.answer().code());
                s.put("since", a.since() == null ? null : a.since().toString());
                present.add(s);
            }
        }
        doc.put("signals", present);
        doc.put("absent", absent);
        doc.put("notAsked", notAsked);
        return doc;
    }

    @SuppressWarnings("unchecked")
    private String xhtml(Map<String, Object> summary, SafetyCheck check, Locale locale) {
        Map<SafetySignal, SafetyTexts.Text> t = texts.of(check.textVersion(), locale);
        StringBuilder html = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><style>body { font-family: '%s'; font-size: 10pt; }
                table { width: 100%%; border-collapse: collapse; } th, td { text-align: left; vertical-align: top; padding: 2pt 6pt; }
                td.nowrap { white-space: nowrap; width: 18%%; }</style></head><body>""".formatted(PdfDocuments.fontFamily()));
        html.append("<h1>").append(PdfDocuments.escape(msg("referral.safety.pdf.title", locale, summary.get("caseReference")))).append("</h1>");
        Map<String, Object> consent = (Map<String, Object>) summary.get("consent");
        Map<String, Object> sharedWith = (Map<String, Object>) consent.get("sharedWith");
        html.append("<p>").append(PdfDocuments.escape(msg("referral.safety.pdf.consent", locale, sharedWith.get("name"),
                msg("referral.safety.consent." + consent.get("given"), locale)))).append("</p>");
        html.append("<p>").append(PdfDocuments.escape(msg("referral.safety.pdf.check", locale, check.doneAt().toString().substring(0, 10),
                msg(check.byReporter() ? "referral.safety.pdf.by-victim" : "referral.safety.pdf.by-hotline", locale)))).append("</p>");
        html.append("<table><tr><th>").append(PdfDocuments.escape(msg("referral.safety.pdf.signal", locale))).append("</th><th>")
                .append(PdfDocuments.escape(msg("referral.safety.pdf.answer", locale))).append("</th><th>")
                .append(PdfDocuments.escape(msg("referral.safety.pdf.since", locale))).append("</th></tr>");
        for (Map<String, Object> s : (List<Map<String, Object>>) summary.get("signals")) {
            SafetySignal signal = SafetySignal.valueOf(((String) s.get("signal")).toUpperCase(Locale.ROOT));
            html.append("<tr><td>").append(PdfDocuments.escape(t.get(signal).question())).append("</td><td>")
                    .append(PdfDocuments.escape(msg("referral.safety.answer." + s.get("answer"), locale))).append("</td><td class=\"nowrap\">")
                    .append(PdfDocuments.escape(s.get("since") == null ? "-" : (String) s.get("since"))).append("</td></tr>");
        }
        html.append("</table><p>").append(PdfDocuments.escape(msg("referral.safety.pdf.absent", locale,
                String.join(", ", ((List<String>) summary.get("absent")).stream()
                        .map(code -> t.get(SafetySignal.valueOf(code.toUpperCase(Locale.ROOT))).question()).toList())))).append("</p>");
        String producedAt = ((String) summary.get("producedAt")).substring(0, 16).replace('T', ' ') + " UTC";
        html.append("<p>").append(PdfDocuments.escape(msg("referral.safety.pdf.footer", locale, summary.get("producedBy"), producedAt)))
                .append("</p></body></html>");
        return html.toString();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
