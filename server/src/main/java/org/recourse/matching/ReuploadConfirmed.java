package org.recourse.matching;

import java.time.Instant;
import java.util.UUID;

/**
 * An analyst confirmed that an image captured at {@code url} is a re-upload of material of the
 * original case (its banked entry matched). The original case's assessment is the basis for
 * acting on the new address.
 *
 * @param findingId  the finding, so a redelivered event is recognised
 * @param evidenceId the captured image at the new address
 * @param foundAt    when the capture matched (the statistics count the re-upload then)
 */
public record ReuploadConfirmed(UUID findingId, UUID originalCaseId, String url, UUID evidenceId, int distance, Instant foundAt,
                                String confirmedBy, Instant confirmedAt) {
}
