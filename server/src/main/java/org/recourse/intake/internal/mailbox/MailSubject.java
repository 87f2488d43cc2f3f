package org.recourse.intake.internal.mailbox;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a whitelisted sender asks for, read from the subject line (English or Dutch, any case):
 * {@code new reports}, {@code new reports from <source>}, {@code content removed},
 * {@code content unavailable}. A reply or forward ({@code Re:}, {@code Fwd:}) is no instruction.
 */
record MailSubject(Action action, String source) {

    enum Action { NEW_REPORTS, CONTENT_REMOVED, CONTENT_UNAVAILABLE }

    private static final Pattern NEW = Pattern.compile("^(?:new reports|nieuwe meldingen)(?:\\s+(?:from|van)\\s+(.{1,200}))?$");

    static Optional<MailSubject> parse(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        String text = subject.strip().replaceAll("\\s+", " ");
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher matcher = NEW.matcher(lower);
        if (matcher.matches()) {
            String source = matcher.group(1) == null ? null : text.substring(matcher.start(1)).strip();
            return Optional.of(new MailSubject(Action.NEW_REPORTS, source));
        }
        return switch (lower) {
            case "content removed", "inhoud verwijderd" -> Optional.of(new MailSubject(Action.CONTENT_REMOVED, null));
            case "content unavailable", "inhoud niet beschikbaar" -> Optional.of(new MailSubject(Action.CONTENT_UNAVAILABLE, null));
            default -> Optional.empty();
        };
    }
}
