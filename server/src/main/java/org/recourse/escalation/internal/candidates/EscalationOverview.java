package org.recourse.escalation.internal.candidates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.recourse.audit.AuditTrail;
import org.recourse.escalation.Candidate;
import org.recourse.escalation.EscalationCandidates;
import org.recourse.escalation.ProposedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the escalation page shows: the candidates and the refusals still online; the view is audited. */
@Service
public class EscalationOverview {

    public record Overview(List<Candidate> candidates, List<DisputingRefusals.Refusal> refusals) {

        /** The candidates an enforcement request can be drafted from, one group per platform. */
        public List<Draftable> draftable() {
            Map<String, List<Candidate>> byPlatform = new LinkedHashMap<>();
            for (Candidate candidate : candidates) {
                if (candidate.reportedItemId() != null) {
                    List<Candidate> items = byPlatform.computeIfAbsent(candidate.platformKey(), key -> new ArrayList<>());
                    if (items.stream().noneMatch(c -> c.reportedItemId().equals(candidate.reportedItemId()))) {
                        items.add(candidate);
                    }
                }
            }
            return byPlatform.values().stream().map(items -> new Draftable(items.getFirst().platformKey(),
                    items.getFirst().platformName(), items, items.stream().flatMap(c -> c.proposed().stream())
                    .filter(p -> p.authorityKey() != null)
                    .collect(Collectors.toMap(ProposedAuthority::authorityKey, p -> p, (a, b) -> a, LinkedHashMap::new))
                    .values().stream().toList())).toList();
        }
    }

    /** One platform's candidate items and every authority proposed for any of them. */
    public record Draftable(String platformKey, String platformName, List<Candidate> items, List<ProposedAuthority> authorities) {
    }

    private final EscalationCandidates candidates;
    private final DisputingRefusals refusals;
    private final AuditTrail audit;

    EscalationOverview(EscalationCandidates candidates, DisputingRefusals refusals, AuditTrail audit) {
        this.candidates = candidates;
        this.refusals = refusals;
        this.audit = audit;
    }

    @Transactional
    public Overview show() {
        Overview overview = new Overview(candidates.candidates(), refusals.open());
        audit.record("escalation.candidates-viewed", "escalation", "candidates",
                overview.candidates().size() + " candidates, " + overview.refusals().size() + " refusals");
        return overview;
    }
}
