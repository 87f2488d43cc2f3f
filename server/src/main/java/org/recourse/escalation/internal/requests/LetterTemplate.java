package org.recourse.escalation.internal.requests;

import java.util.List;
import java.util.Map;

import org.recourse.platform.EditableTexts;

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
        return EditableTexts.problems(subject, body, REFERENCE, REQUIRED_IN_BODY, "escalation.template.error.");
    }

    /** The template with every placeholder replaced by its value, in one pass. */
    public RequestLetters.Letter fill(Map<String, String> values) {
        return new RequestLetters.Letter(EditableTexts.fill(subject, values).replace('\n', ' ').strip(), EditableTexts.fill(body, values));
    }
}
