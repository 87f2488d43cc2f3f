package org.recourse.matching;

import java.time.Instant;
import java.util.UUID;

/**
 * An analyst confirmed that an image captured at {@code url} is a re-upload of material of the
 * original case (its banked entry matched). The original case's assessment is the basis for
 * acting on the new address.
 *
 * @param evidenceId the captured image at the new address
 */
public record ReuploadConfirmed(UUID originalCaseId, String url, UUID evidenceId, int distance, String confirmedBy,
                                Instant confirmedAt) {
}
