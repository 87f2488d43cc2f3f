package org.recourse.platform;

import java.util.regex.Pattern;

/**
 * What kind of thing an outbox entry sends, named by the module that sends it:
 * {@code takedown.notice} now; escalation requests, referrals and victim updates next. Each
 * topic has exactly one {@link OutboxSender}.
 */
public record OutboxTopic(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z]+(\\.[a-z-]+)+");

    public OutboxTopic {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An outbox topic is module.thing, e.g. takedown.notice");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
