package org.recourse.platform;

import java.util.Set;

/**
 * An entry in the staff navigation and on the dashboard, contributed by the module that owns
 * the page. Shown to users holding any of {@code roles}, under its {@code stage} of the chain.
 *
 * @param labelKey       message key of the link text
 * @param descriptionKey message key of the one-line explanation on the dashboard
 * @param href           the page, e.g. {@code /staff/cases}
 * @param roles          role names without the {@code ROLE_} prefix
 * @param order          position within its stage, low first
 * @param stage          the stage of the chain the page belongs to
 * @param waiting        how much waits there for the signed-in person (shown as a count), or null
 *                       when the page has no work list
 */
public record StaffNavigation(String labelKey, String descriptionKey, String href, Set<String> roles, int order,
                              StaffStage stage, Waiting waiting) {

    /** An entry without a count. */
    public StaffNavigation(String labelKey, String descriptionKey, String href, Set<String> roles, int order,
                           StaffStage stage) {
        this(labelKey, descriptionKey, href, roles, order, stage, null);
    }

    /**
     * Counts what waits on a page for one person, e.g. queued items they may take or decisions
     * they may confirm. Called at most once per page shown, so it must be one cheap query.
     */
    @FunctionalInterface
    public interface Waiting {
        long count(String username);
    }
}
