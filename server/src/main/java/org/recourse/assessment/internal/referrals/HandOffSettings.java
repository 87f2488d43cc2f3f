package org.recourse.assessment.internal.referrals;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recourse.assessment.referrals.*}: after how long without an answer a delivered referral
 * asks an analyst to follow it up, and who referral e-mails come from.
 */
@ConfigurationProperties("recourse.assessment.referrals")
public record HandOffSettings(@DefaultValue("7d") Duration followUpAfter, @DefaultValue("Helpwanted") String senderName,
                              @DefaultValue("referrals@recourse.invalid") String senderEmail,
                              @DefaultValue("recourse.invalid") String messageIdDomain) {
}
