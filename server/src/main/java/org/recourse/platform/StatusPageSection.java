package org.recourse.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * A module's part of the reporter's status page, contributed as a bean the way {@link CaseSection}
 * contributes to the case page: what she can see and do there about the module's work on her case
 * (e.g. withdraw her consent to a referral). Written for the person who reported, in plain
 * language, without staff names or internal references. A module's own forms on it act for the
 * reporter that {@link SignedInReporter} names.
 */
public interface StatusPageSection {

    /** Position on the page, low first, below the case's own status. */
    int order();

    /** What the section shows for the case, or empty when it has nothing for her. */
    Optional<Content> content(UUID caseId);

    /**
     * @param anchor   the section's id on the page
     * @param titleKey message key of its heading
     * @param template the template holding the fragment
     * @param fragment the fragment, rendered with {@code section} set to {@code model}
     */
    record Content(String anchor, String titleKey, String template, String fragment, Object model) {
    }
}
