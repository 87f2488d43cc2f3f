package org.recourse.platform.internal.mail;

import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.recourse.platform.OutgoingMail;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** {@link OutgoingMail} over SMTP with bounded connect, read and write times. */
@Component
@EnableConfigurationProperties(MailSettings.class)
class SmtpMail implements OutgoingMail {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    SmtpMail(MailSettings settings) {
        sender.setHost(settings.host());
        sender.setPort(settings.port());
        sender.setDefaultEncoding("UTF-8");
        if (!settings.username().isBlank()) {
            sender.setUsername(settings.username());
            sender.setPassword(settings.password());
        }
        Properties properties = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        properties.setProperty("mail.smtp.auth", String.valueOf(!settings.username().isBlank()));
        properties.setProperty("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        properties.setProperty("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        sender.setJavaMailProperties(properties);
    }

    @Override
    public MimeMessage message(String messageId) {
        return new FixedIdMessage(sender.getSession(), messageId);
    }

    @Override
    public void send(MimeMessage message) {
        sender.send(message);
    }
}
