package org.recourse.evidence;

import java.time.Instant;
import java.util.UUID;

/**
 * An online check fetched an image at a reported item's address and hashed it in memory; nothing
 * of it was stored. Published by takedown's online checks (which fetch through this module's
 * {@link SafeFetcher}); matching looks the hash up against the banks, as it does for {@link ImageCaptured}.
 *
 * @param itemId  the reported item whose address was checked
 * @param pdq     64 hex digits
 * @param quality PDQ quality, 0–100 (0: a blank image, not to be matched)
 */
public record ImageFetched(UUID caseId, UUID itemId, String url, String pdq, int quality, Instant fetchedAt) {
}
