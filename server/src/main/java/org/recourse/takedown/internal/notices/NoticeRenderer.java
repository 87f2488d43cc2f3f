package org.recourse.takedown.internal.notices;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Fills a template. The art. 16(2) blocks are written from the message bundle in the notice's
 * language; placeholders are replaced in one pass, so user-supplied text (URLs, the analyst's
 * substantiation) is inserted verbatim and never read as a placeholder itself.
 */
@Component
public class NoticeRenderer {

    public record Rendered(String subject, String body) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final MessageSource messages;

    public NoticeRenderer(MessageSource messages) {
        this.messages = messages;
    }

    public Rendered render(NoticeTemplate template, NoticeContent content) {
        Locale locale = Locale.forLanguageTag(template.language());
        String subject = template.subject().replace(NoticeTemplate.REFERENCE, content.reference())
                .replace(NoticeTemplate.RECIPIENT, content.recipientName());
        Matcher placeholders = PLACEHOLDER.matcher(template.body());
        StringBuilder body = new StringBuilder();
        while (placeholders.find()) {
            String value = switch (placeholders.group(1)) {
                case "reference" -> content.reference();
                case "recipient" -> content.recipientName();
                case "items" -> items(content, locale);
                case "notifier" -> notifier(content, locale);
                case "good_faith" -> text("takedown.notice.good-faith", locale);
                case "trusted_flagger" -> content.trustedFlagger() ? text("takedown.notice.trusted-flagger", locale) : "";
                default -> placeholders.group();
            };
            placeholders.appendReplacement(body, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(body);
        return new Rendered(subject.replaceAll("[\\r\\n]+", " "), body.toString().replaceAll("\\n{3,}", "\n\n").strip() + "\n");
    }

    private String notifier(NoticeContent content, Locale locale) {
        if (content.notifierLeftOut()) {
            return text("takedown.notice.notifier-left-out", locale);
        }
        return messages.getMessage("takedown.notice.notifier", new Object[] {content.notifierName(), content.notifierEmail()}, locale);
    }

    private String items(NoticeContent content, Locale locale) {
        StringBuilder out = new StringBuilder();
        int number = 1;
        for (NoticeContent.Item item : content.items()) {
            out.append(messages.getMessage("takedown.notice.item.heading", new Object[] {number++}, locale)).append('\n');
            out.append(text("takedown.notice.item.url", locale)).append(' ').append(item.url()).append('\n');
            for (String hash : item.hashes()) {
                out.append(text("takedown.notice.item.hash", locale)).append(' ').append(hash).append('\n');
            }
            out.append(text("takedown.notice.item.status", locale)).append(' ')
                    .append(messages.getMessage("takedown.legal-status." + item.legalStatus(), null, item.legalStatus(), locale))
                    .append('\n');
            if (!item.legalGrounds().isEmpty()) {
                out.append(text("takedown.notice.item.grounds", locale)).append(' ')
                        .append(String.join("; ", item.legalGrounds())).append('\n');
            }
            out.append(text("takedown.notice.item.explanation", locale)).append('\n')
                    .append(item.substantiation().strip()).append("\n\n");
        }
        return out.toString().stripTrailing();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
