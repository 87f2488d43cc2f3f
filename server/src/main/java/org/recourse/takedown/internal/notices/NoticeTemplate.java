package org.recourse.takedown.internal.notices;

import java.util.List;

import org.recourse.platform.EditableTexts;

/**
 * A coordinator-editable notice text with placeholders. The blocks that carry the elements of
 * DSA art. 16(2) are required, so no edit can produce a notice a platform may dismiss as incomplete.
 */
public record NoticeTemplate(String recipientKey, String language, String subject, String body) {

    public static final String REFERENCE = "{{reference}}";
    public static final String RECIPIENT = "{{recipient}}";
    public static final String ITEMS = "{{items}}";
    public static final String NOTIFIER = "{{notifier}}";
    public static final String GOOD_FAITH = "{{good_faith}}";
    public static final String TRUSTED_FLAGGER = "{{trusted_flagger}}";

    /** The placeholders a body must contain: items (art. 16(2)(a) and (b)), notifier (c), good faith (d). */
    public static final List<String> REQUIRED_IN_BODY = List.of(ITEMS, NOTIFIER, GOOD_FAITH);

    /** Message keys of what is wrong with the template, by field ({@code subject} or {@code body}). */
    public List<String[]> problems() {
        return EditableTexts.problems(subject, body, REFERENCE, REQUIRED_IN_BODY, "takedown.template.error.");
    }
}
