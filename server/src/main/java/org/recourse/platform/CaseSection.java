package org.recourse.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A module's part of the one case page ({@code /staff/cases/{caseNumber}}), contributed as a bean
 * the way {@link StaffNavigation} entries are: the page lists every section in {@link #order()}
 * and merges their {@link #timeline} lines into the case's one timeline, so a module that arrives
 * later (referrals, escalation, matching) adds its part without the page, or intake, knowing it.
 *
 * <p>Sections are read in the page's read-only transaction; the page records one audit entry for
 * the view. A section that serves sensitive content separately (evidence bytes) audits that itself.
 */
public interface CaseSection {

    /** Position on the page, low first: intake 10, assessment 20, evidence 30, take-down 40. */
    int order();

    /**
     * What the section shows for the case.
     *
     * @param flash what the module's own forms left for the next page (errors, confirmations)
     */
    Content content(CaseRef ref, Map<String, ?> flash);

    /** The section's lines in the case's timeline, in any order. */
    default List<Event> timeline(CaseRef ref) {
        return List.of();
    }

    /**
     * @param anchor   the section's id on the page; the module's old case page redirects to it
     * @param titleKey message key of the section's heading
     * @param template the template holding the fragment, e.g. {@code assessment/case-section}
     * @param fragment the fragment, rendered with {@code section} set to {@code model}
     * @param model    what the fragment shows
     */
    record Content(String anchor, String titleKey, String template, String fragment, Object model) {
    }

    /**
     * One line of the timeline.
     *
     * @param labelKey message key of what happened ({@code detail} is its one argument, when given)
     * @param detail   shown as is after the label: an address, a reference, a name; or null
     * @param href     the page that shows it in detail, or null
     */
    record Event(Instant at, String labelKey, String detail, String href) {
    }
}
