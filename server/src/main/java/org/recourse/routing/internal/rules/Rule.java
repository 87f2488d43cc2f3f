package org.recourse.routing.internal.rules;

import org.recourse.routing.LocalizedText;

/**
 * One routing rule: when it applies, whom it names, how high in the list, and why.
 *
 * @param target    {@code platform} (the organisation holding the content), {@code none} (still to be
 *                  found) or a directory key
 * @param forwardTo the name of an {@link Authority} our target passes the case on to, or null
 * @param order     position in the advice; lower comes first, equal keeps document order
 */
record Rule(String id, Section section, String kind, int order, String target, String forwardTo,
            Condition when, Condition urgentWhen, LocalizedText reason) {

    static final String PLATFORM = "platform";
    static final String NONE = "none";

    enum Section { ACTION, REFERRAL }
}
