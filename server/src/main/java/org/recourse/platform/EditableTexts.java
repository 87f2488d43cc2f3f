package org.recourse.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules every coordinator-editable text (notice templates, enforcement-request letters) follows:
 * a subject that carries the reference placeholder, a body that keeps the placeholders the law or
 * the recipient needs, bounded lengths; and one way to fill placeholders ({@code {{name}}}) in a
 * single pass, so text a value brings in is never read as a placeholder itself.
 */
public final class EditableTexts {

    public static final int MAX_SUBJECT = 300;
    public static final int MAX_BODY = 20_000;

    private EditableTexts() {
    }

    /**
     * What is wrong, as {field, message key} pairs; keys are {@code keyPrefix} + {@code subject-required},
     * {@code subject-reference}, {@code subject-length}, {@code body-required} or {@code body-length}.
     */
    public static List<String[]> problems(String subject, String body, String subjectRequired, List<String> bodyRequired,
                                          String keyPrefix) {
        List<String[]> problems = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            problems.add(new String[] {"subject", keyPrefix + "subject-required"});
        } else if (!subject.contains(subjectRequired)) {
            problems.add(new String[] {"subject", keyPrefix + "subject-reference"});
        } else if (subject.length() > MAX_SUBJECT) {
            problems.add(new String[] {"subject", keyPrefix + "subject-length"});
        }
        if (body == null || bodyRequired.stream().anyMatch(p -> !body.contains(p))) {
            problems.add(new String[] {"body", keyPrefix + "body-required"});
        } else if (body.length() > MAX_BODY) {
            problems.add(new String[] {"body", keyPrefix + "body-length"});
        }
        return problems;
    }

    /** {@code text} with each {@code {{name}}} in {@code values} replaced, in one pass; unknown ones stay as they are. */
    public static String fill(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            int close = open < 0 ? -1 : text.indexOf("}}", open);
            if (open < 0 || close < 0) {
                out.append(text, at, text.length());
                break;
            }
            String name = text.substring(open, close + 2);
            out.append(text, at, open).append(values.getOrDefault(name, name));
            at = close + 2;
        }
        return out.toString();
    }
}
