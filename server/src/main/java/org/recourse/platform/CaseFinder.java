package org.recourse.platform;

import java.util.List;
import java.util.UUID;

/**
 * A module's own identifiers in staff search: given what someone typed, the cases it points to
 * (a notice reference points to the cases of its items, for example). Every search asks every
 * finder, so a finder answers at once and with nothing when the text cannot be one of its
 * identifiers. The search page filters, orders and pages the cases found with those intake finds
 * itself (case numbers, addresses, accounts, e-mail addresses, words), and audits what it shows.
 */
public interface CaseFinder {

    /**
     * @param query the search text, without control characters, at most 200 characters
     * @param limit the most cases to return
     */
    List<Found> find(String query, int limit);

    /**
     * @param labelKey message key naming what matched, e.g. "notice reference"
     * @param detail   the matched identifier as shown, e.g. {@code TD-7K3MQ9TXAB}
     */
    record Found(UUID caseId, String labelKey, String detail) {
    }
}
