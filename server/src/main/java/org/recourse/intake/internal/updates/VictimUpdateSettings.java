package org.recourse.intake.internal.updates;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recourse.intake.updates.*}: e-mails to reporters who asked for them. Changes within
 * {@code groupingDelay} of the first become one e-mail; it comes from {@code senderName} at
 * {@code senderEmail}, with Message-IDs in {@code messageIdDomain}.
 */
@ConfigurationProperties("recourse.intake.updates")
public record VictimUpdateSettings(@DefaultValue("true") boolean enabled, @DefaultValue("15m") Duration groupingDelay,
                                   @DefaultValue("Helpwanted") String senderName,
                                   @DefaultValue("updates@recourse.invalid") String senderEmail,
                                   @DefaultValue("recourse.invalid") String messageIdDomain) {
}
