package org.recourse.evidence;

import java.time.Instant;
import java.util.UUID;

/**
 * A capture stored an image, and this is its PDQ hash (computed in memory from the fetched bytes;
 * the bytes stay in the vault). Matching looks it up against the hash banks to find re-uploads.
 *
 * @param itemId  the reported item the capture was for, or null
 * @param url     where the image was fetched from
 * @param pdq     64 hex digits
 * @param quality PDQ quality, 0–100 (0: a blank image, not to be matched)
 */
public record ImageCaptured(UUID caseId, UUID itemId, UUID evidenceId, String url, String pdq, int quality,
                            Instant capturedAt) {
}
