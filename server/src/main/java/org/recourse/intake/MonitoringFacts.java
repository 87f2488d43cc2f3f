package org.recourse.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The coded facts of a case that monitors count (GREVIO art. 11): no contact details, no free text
 * except the municipality as the reporter typed it, which a reader matches to a list and then
 * forgets. Every field but the id, time, channel and forms may be null (not asked or not answered).
 *
 * @param forms        taxonomy codes, in the order given
 * @param items        how many things were reported in the case
 */
public record MonitoringFacts(UUID caseId, Instant receivedAt, Channel channel, ReporterType reporterType,
                              List<String> forms, String gender, String ageBand, String relationship,
                              String policeContacted, String municipality, int items) {
}
