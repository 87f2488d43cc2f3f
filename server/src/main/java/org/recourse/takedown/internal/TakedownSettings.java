package org.recourse.takedown.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recourse.takedown.*}: who we are in notices, when notices go out, how they are sent and
 * how items are watched. {@code platformApiTokens} maps a directory key to the bearer token its
 * notice API expects.
 */
@ConfigurationProperties("recourse.takedown")
public record TakedownSettings(@DefaultValue Notifier notifier, @DefaultValue Notices notices, @DefaultValue Mail mail,
                               @DefaultValue Monitoring monitoring, @DefaultValue Sla sla, @DefaultValue Replies replies,
                               @DefaultValue Map<String, String> platformApiTokens) {

    /** The notifier named in every notice (DSA art. 16(2)(c)) and the sender address of notice e-mail. */
    public record Notifier(@DefaultValue("Helpwanted") String name, @DefaultValue("notices@recourse.invalid") String email,
                           @DefaultValue("recourse.invalid") String messageIdDomain) {
    }

    /**
     * Grouping and timing: {@code firstWithin} is the grouping delay. A recipient's notice goes
     * out once its oldest waiting item has waited that long since its decision, with every other
     * item waiting for the same recipient, so items decided close together go in one notice; an
     * analyst can send it earlier. An item still online is sent again {@code renoticeAfter} the
     * last notice. Nothing is sent on blocked days
     * (dates, or weekday names such as {@code SUNDAY}) in {@code zone}. Whether a recipient's
     * e-mail address takes X-ARF reports is recorded in the directory.
     */
    public record Notices(@DefaultValue("1h") Duration firstWithin, @DefaultValue("24h") Duration renoticeAfter,
                          @DefaultValue List<String> blockedDays, @DefaultValue("Europe/Amsterdam") ZoneId zone,
                          @DefaultValue("10s") Duration planInterval) {

        public boolean blocked(LocalDate day) {
            for (String entry : blockedDays) {
                String value = entry.strip();
                if (value.isEmpty()) {
                    continue;
                }
                if (Character.isDigit(value.charAt(0)) ? LocalDate.parse(value).equals(day)
                        : DayOfWeek.valueOf(value.toUpperCase(java.util.Locale.ROOT)) == day.getDayOfWeek()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The SMTP server notices are sent through. */
    public record Mail(@DefaultValue("localhost") String host, @DefaultValue("25") int port,
                       @DefaultValue("") String username, @DefaultValue("") String password,
                       @DefaultValue("false") boolean startTls, @DefaultValue("30s") Duration timeout) {
    }

    /**
     * Online checks of notified items: every {@code minInterval}..{@code maxInterval} while
     * online; after a miss again {@code missSpacing} later, offline after {@code missesForOffline}
     * consecutive misses. At most {@code perHost} checks run at once against one host.
     */
    public record Monitoring(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration minInterval,
                             @DefaultValue("4h") Duration maxInterval, @DefaultValue("3m") Duration missSpacing,
                             @DefaultValue("3") int missesForOffline, @DefaultValue("4") int perHost,
                             @DefaultValue("500") int batchSize, @DefaultValue("10s") Duration pollInterval,
                             @DefaultValue("20s") Duration timeout, @DefaultValue("5m") Duration claimLease) {
    }

    /** Time a recipient has to act on a notice, by notice type. */
    public record Sla(@DefaultValue("24h") Duration trustedFlagger, @DefaultValue("72h") Duration standard) {
    }

    /** IMAP mailbox where recipients' replies to notices arrive. */
    public record Replies(@DefaultValue("false") boolean enabled, @DefaultValue("imaps") String protocol,
                          @DefaultValue("") String host, @DefaultValue("993") int port,
                          @DefaultValue("") String username, @DefaultValue("") String password,
                          @DefaultValue("INBOX") String folder, @DefaultValue("1m") Duration pollInterval) {
    }
}
