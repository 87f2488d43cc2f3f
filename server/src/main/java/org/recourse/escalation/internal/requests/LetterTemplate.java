package org.recourse.escalation.internal.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A coordinator-editable enforcement-request letter with placeholders. The legal basis, the facts
 * and the hotline's contact are required, so no edit can produce a request the authority could set
 * aside as incomplete; the subject carries the reference so answers can be matched.
 *
 * @param authorityKey the directory key of the authority, or {@link LetterTemplates#DEFAULT} for every authority
 */
public record LetterTemplate(String authorityKey, String language, String subject, String body) {

    public static final String REFERENCE = "{{reference}}";
    public static final List<String> REQUIRED_IN_BODY = List.of("{{basis}}", "{{facts}}", "{{contact}}");
    public static final List<String> PLACEHOLDERS = List.of(REFERENCE, "{{authority}}", "{{hotline}}", "{{platform}}",
            "{{item_count}}", "{{basis}}", "{{platform_facts}}", "{{facts}}", "{{ask}}", "{{evidence}}", "{{contact}}");

    /** Message keys of what is wrong, by field ({@code subject} or {@code body}). */
    public List<String[]> problems() {
        List<String[]> problems = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            problems.add(new String[] {"subject", "escalation.template.error.subject-required"});
        } else if (!subject.contains(REFERENCE)) {
            problems.add(new String[] {"subject", "escalation.template.error.subject-reference"});
        } else if (subject.length() > 300) {
            problems.add(new String[] {"subject", "escalation.template.error.subject-length"});
        }
        if (body == null || REQUIRED_IN_BODY.stream().anyMatch(p -> !body.contains(p))) {
            problems.add(new String[] {"body", "escalation.template.error.body-required"});
        } else if (body.length() > 20_000) {
            problems.add(new String[] {"body", "escalation.template.error.body-length"});
        }
        return problems;
    }

    /** The template with every placeholder replaced by its value; values are inserted as they are, once. */
    public RequestLetters.Letter fill(Map<String, String> values) {
        return new RequestLetters.Letter(replace(subject, values).replace('\n', ' ').strip(), replace(body, values));
    }

    private static String replace(String text, Map<String, String> values) {
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
