package org.recourse.takedown.internal.outbox;

import java.util.Properties;

import org.recourse.takedown.internal.TakedownSettings;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** The SMTP connection for notices, configured under {@code recourse.takedown.mail}. */
@Component
public class NoticeMail {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    NoticeMail(TakedownSettings settings) {
        TakedownSettings.Mail mail = settings.mail();
        sender.setHost(mail.host());
        sender.setPort(mail.port());
        sender.setDefaultEncoding("UTF-8");
        if (!mail.username().isBlank()) {
            sender.setUsername(mail.username());
            sender.setPassword(mail.password());
        }
        Properties properties = new Properties();
        String timeout = String.valueOf(mail.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        properties.setProperty("mail.smtp.auth", String.valueOf(!mail.username().isBlank()));
        properties.setProperty("mail.smtp.starttls.enable", String.valueOf(mail.startTls()));
        properties.setProperty("mail.smtp.starttls.required", String.valueOf(mail.startTls()));
        sender.setJavaMailProperties(properties);
    }

    public JavaMailSenderImpl sender() {
        return sender;
    }
}
