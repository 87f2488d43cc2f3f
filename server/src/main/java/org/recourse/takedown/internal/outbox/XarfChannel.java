package org.recourse.takedown.internal.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.recourse.takedown.internal.TakedownSettings;
import org.recourse.takedown.internal.notices.NoticeContent;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notice as an X-ARF (v4, JSON) abuse report by e-mail, for recipients that process reports
 * automatically: the header {@code X-ARF: Yes}, the human-readable notice first, then one
 * machine-readable report per item ({@code xarf-1.json}, ...). Same Message-ID rules as e-mail.
 */
@Component
class XarfChannel implements NoticeChannel {

    private final JavaMailSender mail;
    private final JsonMapper json;
    private final TakedownSettings settings;
    private final Clock clock;

    XarfChannel(NoticeMail mail, JsonMapper json, TakedownSettings settings, Clock clock) {
        this.mail = mail.sender();
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String code() {
        return "xarf";
    }

    @Override
    public String deliver(OutgoingNotice notice) throws MessagingException {
        MimeMessage message = new EmailChannel.FixedIdMessage(mail.createMimeMessage().getSession(), notice.messageId());
        message.setFrom(new InternetAddress(settings.notifier().email(), true));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(notice.address(), true));
        message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
        message.setHeader("X-ARF", "Yes");
        message.setHeader("X-Recourse-Reference", notice.reference());
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(notice.body(), StandardCharsets.UTF_8.name());
        parts.addBodyPart(text);
        int number = 1;
        for (NoticeContent.Item item : notice.content().items()) {
            MimeBodyPart report = new MimeBodyPart();
            report.setDataHandler(new DataHandler(new ByteArrayDataSource(json.writeValueAsBytes(report(notice, item)), "application/json")));
            report.setFileName("xarf-" + number++ + ".json");
            parts.addBodyPart(report);
        }
        message.setContent(parts);
        mail.send(message);
        return null;
    }

    Map<String, Object> report(OutgoingNotice notice, NoticeContent.Item item) {
        NoticeContent content = notice.content();
        Map<String, Object> reporter = new LinkedHashMap<>();
        reporter.put("ReporterOrg", content.notifierLeftOut() ? null : content.notifierName());
        reporter.put("ReporterOrgEmail", content.notifierLeftOut() ? null : content.notifierEmail());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("ReportClass", "Content");
        report.put("ReportType", "illegal_content");
        report.put("Date", clock.instant().toString());
        report.put("SourceType", "url");
        report.put("Source", item.url());
        report.put("Sha256", item.hashes());
        report.put("LegalStatus", item.legalStatus());
        report.put("LegalGrounds", item.legalGrounds());
        report.put("Explanation", item.substantiation());
        report.put("TrustedFlagger", content.trustedFlagger());
        report.put("GoodFaith", true);
        report.put("Reference", notice.reference());
        Map<String, Object> xarf = new LinkedHashMap<>();
        xarf.put("Version", "4");
        xarf.put("ReporterInfo", reporter);
        xarf.put("Disclosure", !content.notifierLeftOut());
        xarf.put("Report", report);
        return xarf;
    }
}
