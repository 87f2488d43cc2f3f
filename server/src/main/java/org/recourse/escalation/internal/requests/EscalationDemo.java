package org.recourse.escalation.internal.requests;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.recourse.escalation.Candidate;
import org.recourse.escalation.EscalationCandidates;
import org.recourse.escalation.ProposedAuthority;
import org.recourse.escalation.RequestState;
import org.recourse.platform.DemoActor;
import org.recourse.platform.DemoDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's escalations and authorities. On Mondays {@code demo-analyst-1} drafts one enforcement
 * request per platform from the candidates not yet in a request (at most ten items each, to the first
 * proposed regulator), {@code demo-analyst-2} approves it and it is filed — by e-mail through the
 * simulated outbox where the authority has an address, else recorded as submitted through its web form.
 * Every afternoon the authorities answer as they were drawn to: most acknowledge within weeks, some
 * decide or reject months later, the rest stay silent until the follow-up marks them "no response".
 */
@Component
class EscalationDemo implements DemoActor {

    static final String FIRST = "demo-analyst-1";
    static final String SECOND = "demo-analyst-2";
    static final int MAX_ITEMS = 10;

    private final EscalationCandidates candidates;
    private final DraftingRequests drafting;
    private final TrackingRequests tracking;
    private final FilingRequests filing;
    private final FollowingUpRequests following;
    private final JdbcClient jdbc;

    EscalationDemo(EscalationCandidates candidates, DraftingRequests drafting, TrackingRequests tracking, FilingRequests filing,
                   FollowingUpRequests following, JdbcClient jdbc) {
        this.candidates = candidates;
        this.drafting = drafting;
        this.tracking = tracking;
        this.filing = filing;
        this.following = following;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void act(DemoDay day) {
        if (day.date().getDayOfWeek() == DayOfWeek.MONDAY) {
            day.moveTo(11 * 60);
            draftAndFile(day);
        }
        day.moveTo(16 * 60);
        if (day.index() == 20 * 7 + 3) {
            jdbc.sql("select id from escalation_request where state = 'filed' order by filed_at, id limit 1").query(UUID.class).optional()
                    .ifPresent(id -> AuditActor.runAs(FIRST, () -> tracking.withdraw(id,
                            "[synthetisch] het platform heeft alles verwijderd voordat de toezichthouder reageerde")));
        }
        answer(day.time().now());
        AuditActor.runAs("system:escalation-follow-up", following::followUp);
    }

    private void draftAndFile(DemoDay day) {
        Set<UUID> requested = new HashSet<>(jdbc.sql("select reported_item_id from escalation_request_item").query(UUID.class).list());
        Map<String, List<Candidate>> byPlatform = new LinkedHashMap<>();
        for (Candidate candidate : candidates.candidates()) {
            if (candidate.reportedItemId() != null && !requested.contains(candidate.reportedItemId())) {
                byPlatform.computeIfAbsent(candidate.platformKey(), k -> new ArrayList<>()).add(candidate);
            }
        }
        int weeksLeft = (day.days() - 1 - day.index()) / 7;
        byPlatform.forEach((platform, list) -> {
            String authority = list.getFirst().proposed().stream().filter(p -> "regulator".equals(p.kind()))
                    .map(ProposedAuthority::authorityKey).findFirst().orElse("acm");
            Set<UUID> items = new HashSet<>();
            list.stream().limit(MAX_ITEMS).forEach(c -> items.add(c.reportedItemId()));
            UUID id = AuditActor.supplyAs(FIRST, () -> drafting.draft(platform, authority, items, "nl")).id();
            day.time().advanceTo(day.time().now().plus(Duration.ofMinutes(40)));
            if (weeksLeft == 0) {
                return;
            }
            AuditActor.runAs(SECOND, () -> {
                tracking.approve(id);
                if (weeksLeft == 1) {
                    return;
                }
                if (filing.emailOf(authority).isPresent()) {
                    filing.fileByEmail(id);
                } else {
                    tracking.filedByWebForm(id, "DEMO-" + authority.toUpperCase(java.util.Locale.ROOT) + "-"
                            + Integer.toHexString((platform + day.date()).hashCode() & 0xffff));
                }
            });
        });
    }

    /** @param draw what the authority's answer is drawn from: the platform and the filing time, the same for the same seed */
    private record Filed(UUID id, RequestState state, Instant filedAt, String draw) {
    }

    private void answer(Instant now) {
        List<Filed> filed = jdbc.sql("""
                        select id, state, filed_at, platform_key || ' ' || authority_key || ' ' || filed_at as draw from escalation_request
                        where state in ('filed', 'acknowledged', 'under_investigation') and filed_at is not null order by filed_at, id""")
                .query((rs, n) -> new Filed(rs.getObject("id", UUID.class), RequestState.ofCode(rs.getString("state")),
                        rs.getTimestamp("filed_at").toInstant(), rs.getString("draw")))
                .list();
        for (Filed request : filed) {
            SplittableRandom random = new SplittableRandom(request.draw().hashCode() * 0x9E3779B97F4A7C15L);
            if (random.nextDouble() < 0.4) {
                continue;
            }
            Instant acknowledged = request.filedAt().plus(Duration.ofDays(10 + random.nextInt(45)));
            double r = random.nextDouble();
            RequestState outcome = r < 0.45 ? RequestState.DECIDED : r < 0.6 ? RequestState.REJECTED : RequestState.UNDER_INVESTIGATION;
            Instant outcomeAt = acknowledged.plus(Duration.ofDays(30 + random.nextInt(120)));
            String reference = "DEMO-" + Integer.toHexString(request.draw().hashCode() & 0xfffff).toUpperCase(java.util.Locale.ROOT);
            AuditActor.runAs("demo:authority", () -> {
                if (request.state() == RequestState.FILED && !acknowledged.isAfter(now)) {
                    tracking.fromAuthority(request.id(), RequestState.ACKNOWLEDGED, reference, "[synthetisch] ontvangst bevestigd");
                }
                if (request.state() != outcome && !outcomeAt.isAfter(now) && (request.state() != RequestState.FILED
                        || !acknowledged.isAfter(now))) {
                    tracking.fromAuthority(request.id(), outcome, reference, outcome == RequestState.DECIDED
                            ? "[synthetisch] last onder dwangsom opgelegd" : outcome == RequestState.REJECTED
                            ? "[synthetisch] geen aanleiding tot handhaving" : "[synthetisch] onderzoek gestart");
                }
            });
        }
    }
}
