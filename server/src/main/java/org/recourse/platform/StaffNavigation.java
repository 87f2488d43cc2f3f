package org.recourse.platform;

import java.util.Set;

/**
 * An entry in the staff navigation and on the dashboard, contributed by the module that owns
 * the page. Shown to users holding any of {@code roles}.
 *
 * @param labelKey       message key of the link text
 * @param descriptionKey message key of the one-line explanation on the dashboard
 * @param href           the page, e.g. {@code /staff/cases}
 * @param roles          role names without the {@code ROLE_} prefix
 * @param order          position, low first
 */
public record StaffNavigation(String labelKey, String descriptionKey, String href, Set<String> roles, int order) {
}
