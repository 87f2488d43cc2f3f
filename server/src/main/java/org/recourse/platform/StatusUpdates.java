package org.recourse.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A module's plain-language updates on the reporter's status page, beside the case's own status:
 * what happened after the case left intake's hands (e.g. a regulator's decision). Texts are
 * message keys in the module's bundle, written for the person who reported, without references,
 * names of staff or internal details.
 */
public interface StatusUpdates {

    /** The updates about a case, oldest first. */
    List<Update> forCase(UUID caseId);

    /**
     * @param at         when it happened
     * @param messageKey the plain-language text, in the contributing module's bundle
     * @param argument   shown in the text's one slot ({0}), e.g. the name of an organisation; or null
     */
    record Update(Instant at, String messageKey, String argument) {

        public Update(Instant at, String messageKey) {
            this(at, messageKey, null);
        }
    }
}
