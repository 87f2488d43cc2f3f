package org.recourse.assessment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.intake.CaseCircumstances;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.routing.LegalStatus;
import org.recourse.routing.Relationship;
import org.recourse.routing.Routing;
import org.recourse.routing.RoutingAdvice;
import org.recourse.routing.RoutingFacts;
import org.recourse.routing.VictimAge;
import org.springframework.stereotype.Component;

/**
 * Turns what the reporter told us, plus what the analyst judged, into routing facts and asks
 * routing for advice. The reporter answers "when did it start" in bands; the advice needs days,
 * so each band counts from its nearest edge: "in the last 7 days" is taken at its most recent,
 * which keeps the CSG's 7-day urgency for every report that could meet it.
 */
@Component
public class CaseRouting {

    private final Cases cases;
    private final Directory directory;
    private final Routing routing;
    private final Clock clock;

    CaseRouting(Cases cases, Directory directory, Routing routing, Clock clock) {
        this.cases = cases;
        this.directory = directory;
        this.routing = routing;
        this.clock = clock;
    }

    /** What the analyst has judged so far; {@link #unjudged} before assessment. */
    public record Judgement(LegalStatus legalStatus, Set<String> forms, boolean threatToLife) {

        public static Judgement unjudged(CaseView view) {
            return new Judgement(LegalStatus.UNKNOWN, Set.copyOf(view.forms()), false);
        }
    }

    public RoutingAdvice advise(CaseView view, String platformKey, Judgement judgement) {
        return routing.route(facts(view, platformKey, judgement));
    }

    public RoutingFacts facts(CaseView view, String platformKey, Judgement judgement) {
        return facts(view, cases.circumstances(view.id()).orElse(null),
                platformKey == null ? null : directory.findByKey(platformKey).orElse(null), judgement);
    }

    /** Advice for many cases at once (the queue fills in batches). */
    public List<RoutingAdvice> adviseAll(List<RoutingFacts> facts) {
        return routing.routeAll(facts);
    }

    /**
     * @param told     what the reporter told, or null if unknown
     * @param platform the platform from the directory, or null
     */
    public RoutingFacts facts(CaseView view, CaseCircumstances told, Organisation platform, Judgement judgement) {
        if (told == null) {
            told = new CaseCircumstances(null, null, null, null);
        }
        VictimAge age = view.childAbuseRoute() || "yes".equals(told.minor()) ? VictimAge.MINOR : VictimAge.ADULT;
        return new RoutingFacts(judgement.legalStatus(), judgement.forms(), platform, age,
                relationship(told.relationship()), daysAgo(view.receivedAt(), told), judgement.threatToLife());
    }

    public boolean minor(CaseView view) {
        return minor(view, cases.circumstances(view.id()).orElse(null));
    }

    public static boolean minor(CaseView view, CaseCircumstances told) {
        return view.childAbuseRoute() || told != null && "yes".equals(told.minor());
    }

    Integer daysAgo(Instant receivedAt, CaseCircumstances told) {
        int sinceReport = (int) Math.max(0, Duration.between(receivedAt, clock.instant()).toDays());
        if ("yes".equals(told.ongoing())) {
            return sinceReport;
        }
        if (told.started() == null) {
            return null;
        }
        return switch (told.started()) {
            case "last_7_days" -> sinceReport;
            case "last_month" -> sinceReport + 8;
            case "last_year" -> sinceReport + 31;
            case "longer_ago" -> sinceReport + 366;
            default -> null;
        };
    }

    static Relationship relationship(String code) {
        if (code == null) {
            return Relationship.UNKNOWN;
        }
        return switch (code) {
            case "partner" -> Relationship.PARTNER;
            case "ex_partner" -> Relationship.EX_PARTNER;
            case "family" -> Relationship.FAMILY;
            case "acquaintance", "colleague_or_fellow_student" -> Relationship.ACQUAINTANCE;
            case "stranger" -> Relationship.STRANGER;
            default -> Relationship.UNKNOWN;
        };
    }
}
