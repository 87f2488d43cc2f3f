package org.recourse.escalation.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recourse.escalation.*}. An item still online past its SLA becomes a candidate after
 * {@code candidates.notices} notices or {@code candidates.overdue} past the SLA, whichever comes
 * first; {@code candidates.per-kind} overrides both for a recipient kind ({@code platform},
 * {@code hoster}, {@code site_owner}, ...). A platform is ignoring notices as a pattern when,
 * over {@code pattern.window}, at least {@code pattern.minimum-notices} were sent and more than
 * {@code pattern.threshold} of them were never acknowledged.
 */
@ConfigurationProperties("recourse.escalation")
public record EscalationSettings(@DefaultValue Candidates candidates, @DefaultValue Pattern pattern,
                                 @DefaultValue Requests requests, @DefaultValue Sender sender) {

    /**
     * Who signs and sends enforcement requests: the hotline's name and reply address (by default the
     * notifier of notices) and the domain of their Message-IDs.
     */
    public record Sender(@DefaultValue("Helpwanted") String name, @DefaultValue("notices@recourse.invalid") String email,
                         @DefaultValue("recourse.invalid") String messageIdDomain) {
    }

    /**
     * Follow-up of filed requests: a reminder when the authority has been silent for
     * {@code remindAfter} since filing or its last word, "no response" when it never answered
     * within {@code noResponseAfter} of filing.
     */
    public record Requests(@DefaultValue("42d") Duration remindAfter, @DefaultValue("183d") Duration noResponseAfter,
                           @DefaultValue("1h") Duration followUpInterval) {
    }

    public record Candidates(@DefaultValue("2") int notices, @DefaultValue("7d") Duration overdue,
                             @DefaultValue Map<String, Rule> perKind) {

        /** The rule for a recipient kind code, falling back to the defaults. */
        public Rule ruleFor(String kindCode) {
            Rule own = kindCode == null ? null : perKind.get(kindCode);
            return new Rule(own == null || own.notices() == null ? notices : own.notices(),
                    own == null || own.overdue() == null ? overdue : own.overdue());
        }
    }

    /** Either part may be left out to keep the default. */
    public record Rule(Integer notices, Duration overdue) {
    }

    public record Pattern(@DefaultValue("90d") Duration window, @DefaultValue("0.5") double threshold,
                          @DefaultValue("5") int minimumNotices) {
    }
}
