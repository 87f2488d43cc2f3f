package org.recourse.takedown.internal.outbox;

import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.recourse.platform.OutgoingMail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notice by e-mail to an address the directory marks as processing X-ARF: the
 * human-readable notice first, then one XARF v4 report ({@code xarf-1.json}, ...) per item XARF
 * can express (see {@link XarfReports}) and the header {@code X-ARF: Yes}. A notice with no such
 * item goes out as the plain e-mail notice. Same Message-ID rules as e-mail.
 */
@Component
class XarfChannel implements NoticeChannel {

    private final OutgoingMail mail;
    private final EmailChannel email;
    private final JsonMapper json;

    XarfChannel(OutgoingMail mail, EmailChannel email, JsonMapper json) {
        this.mail = mail;
        this.email = email;
        this.json = json;
    }

    @Override
    public String code() {
        return "xarf";
    }

    @Override
    public String deliver(OutgoingNotice notice) throws MessagingException {
        mail.send(message(notice));
        return null;
    }

    MimeMessage message(OutgoingNotice notice) throws MessagingException {
        List<Map<String, Object>> reports = XarfReports.reports(notice.reference(), notice.content());
        MimeMessage message = email.message(notice);
        if (reports.isEmpty()) {
            return message;
        }
        message.setHeader("X-ARF", "Yes");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(notice.body(), java.nio.charset.StandardCharsets.UTF_8.name());
        parts.addBodyPart(text);
        int number = 1;
        for (Map<String, Object> report : reports) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(json.writeValueAsBytes(report), "application/json")));
            attachment.setFileName("xarf-" + number++ + ".json");
            parts.addBodyPart(attachment);
        }
        message.setContent(parts);
        return message;
    }
}
