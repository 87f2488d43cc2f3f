package org.recourse.intake.internal.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.recourse.intake.CaseStatus;
import org.recourse.intake.Channel;

/**
 * A case in a list or among search results; never the reporter's words.
 *
 * @param matched why a search found it (empty in the plain list)
 */
record CaseRow(UUID id, String caseNumber, CaseStatus status, Channel channel, Instant receivedAt, List<String> forms,
               boolean childRoute, int items, boolean linked, Set<MatchKind> matched) {
}
