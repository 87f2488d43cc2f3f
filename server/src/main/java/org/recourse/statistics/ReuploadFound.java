package org.recourse.statistics;

import java.time.Instant;
import java.util.UUID;

/**
 * Material already taken down was found again. Published by prevention/matching, which also
 * registers a {@link StatisticsSource} for {@link Source#REUPLOADS}.
 *
 * @param platformKey the directory key of the platform it was found on
 */
public record ReuploadFound(UUID id, UUID caseId, String platformKey, Instant foundAt) {
}
