package org.recourse.escalation.internal.requests;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.escalation.Candidate;
import org.recourse.escalation.CandidateReason;
import org.recourse.escalation.EscalationCandidates;
import org.recourse.escalation.RequestState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An analyst drafts an enforcement request from candidates: one platform, one authority, one or
 * many of the platform's candidate items. Nothing half-made is left when it is refused.
 */
@Service
public class DraftingRequests {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final EscalationCandidates candidates;
    private final Directory directory;
    private final RequestEntries entries;
    private final AuditTrail audit;
    private final Clock clock;

    DraftingRequests(JdbcClient jdbc, EscalationCandidates candidates, Directory directory, RequestEntries entries, AuditTrail audit,
                     Clock clock) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.directory = directory;
        this.entries = entries;
        this.audit = audit;
        this.clock = clock;
    }

    public record Drafted(UUID id, String reference) {
    }

    /**
     * @throws RequestRefused {@code escalation.request.no-items} without items,
     *                        {@code escalation.request.platform-unknown} for a platform missing from the directory,
     *                        {@code escalation.request.authority-unknown} for an authority missing from it,
     *                        {@code escalation.request.not-candidates} when an item is not a candidate of that platform
     */
    @Transactional
    public Drafted draft(String platformKey, String authorityKey, Set<UUID> itemIds, String language) {
        if (itemIds == null || itemIds.isEmpty()) {
            throw new RequestRefused("escalation.request.no-items");
        }
        if (directory.findByKey(platformKey).isEmpty()) {
            throw new RequestRefused("escalation.request.platform-unknown");
        }
        if (authorityKey == null || directory.findByKey(authorityKey).isEmpty()) {
            throw new RequestRefused("escalation.request.authority-unknown");
        }
        List<Candidate> chosen = candidates.candidates().stream()
                .filter(c -> platformKey.equals(c.platformKey()) && c.reportedItemId() != null && itemIds.contains(c.reportedItemId()))
                .toList();
        if (chosen.stream().map(Candidate::reportedItemId).distinct().count() != itemIds.size()) {
            throw new RequestRefused("escalation.request.not-candidates");
        }
        UUID id = UUID.randomUUID();
        String reference = reference();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into escalation_request (id, reference, platform_key, authority_key, language, state, drafted_by, drafted_at)
                        values (?, ?, ?, ?, ?, 'draft', ?, ?)""")
                .params(id, reference, platformKey, authorityKey, "en".equals(language) ? "en" : "nl", AuditActor.current(),
                        Timestamp.from(now))
                .update();
        for (Candidate candidate : chosen) {
            jdbc.sql("""
                            insert into escalation_request_item (request_id, reported_item_id, case_id, url, reasons, case_number,
                                notices_sent, overdue_since)
                            values (?, ?, ?, ?, ?::text[], ?, ?, ?) on conflict do nothing""")
                    .params(id, candidate.reportedItemId(), candidate.caseId(), candidate.url(),
                            "{" + String.join(",", candidate.reasons().stream().map(CandidateReason::code).toList()) + "}",
                            candidate.caseNumber(), candidate.noticesSent(),
                            candidate.overdueSince() == null ? null : Timestamp.from(candidate.overdueSince()))
                    .update();
        }
        entries.add(id, now, "state", RequestState.DRAFT, null);
        audit.record("escalation.request-drafted", "escalation_request", id.toString(),
                reference + " to " + authorityKey + " about " + platformKey + ", " + itemIds.size() + " items");
        return new Drafted(id, reference);
    }

    private static String reference() {
        StringBuilder reference = new StringBuilder("ER-");
        for (int i = 0; i < 8; i++) {
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
