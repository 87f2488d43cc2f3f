package org.recourse.routing;

import org.recourse.directory.Organisation;

/**
 * The body a contact passes the case on to, e.g. the Irish coordinator via the ACM.
 *
 * @param organisation the directory entry, or null when the directory has none for that country
 * @param name         how to name it either way, e.g. "de digitaledienstencoördinator van Cyprus"
 */
public record Forwarding(Organisation organisation, LocalizedText name) {
}
