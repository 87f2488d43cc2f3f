package org.recourse.referral.internal.signpost;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.referral.internal.signpost.SignpostAdvice.Step;
import org.recourse.routing.ActionRoute;
import org.recourse.routing.FormsOfViolence;
import org.recourse.routing.Referral;
import org.recourse.routing.Relationship;
import org.recourse.routing.Routing;
import org.recourse.routing.RoutingAdvice;
import org.recourse.routing.RoutingFacts;
import org.recourse.routing.VictimAge;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Turns the signpost's plain answers into routing facts and asks the published routing rules —
 * the same ones analysts use — for the advice. Stores and logs nothing: not the answers, not
 * that someone asked.
 */
@Service
class Signpost {

    /** The report form's "when did it start" answers, as days for the rules (the upper end, so "this week" stays urgent). */
    private static final Map<String, Integer> DAYS = Map.of("last_7_days", 7, "last_month", 31, "last_year", 365,
            "longer_ago", 3650);
    private static final Map<String, Relationship> RELATIONSHIPS = Map.of("partner", Relationship.PARTNER,
            "ex_partner", Relationship.EX_PARTNER, "family", Relationship.FAMILY, "acquaintance", Relationship.ACQUAINTANCE,
            "colleague_or_fellow_student", Relationship.ACQUAINTANCE, "online_only", Relationship.ACQUAINTANCE,
            "stranger", Relationship.STRANGER);
    static final String SEXUAL_VIOLENCE_CENTRE = "centrum-seksueel-geweld";
    private static final String CSAM = "child_sexual_abuse_material";

    private final Routing routing;
    private final Directory directory;
    private final MessageSource messages;

    Signpost(Routing routing, Directory directory, MessageSource messages) {
        this.routing = routing;
        this.directory = directory;
        this.messages = messages;
    }

    SignpostAdvice answer(SignpostAnswers answers, Locale language) {
        List<String> notes = new ArrayList<>();
        Set<String> forms = new LinkedHashSet<>();
        for (String form : answers.getForms()) {
            if (form != null && FormsOfViolence.isKnown(form.trim())) {
                forms.add(form.trim());
            }
        }
        boolean danger = "yes".equals(answers.getDanger());
        VictimAge age = "yes".equals(answers.getMinor()) ? VictimAge.MINOR : VictimAge.ADULT;
        if (forms.contains(CSAM) && age == VictimAge.ADULT) {
            age = VictimAge.MINOR;
            notes.add("no".equals(answers.getMinor()) ? "referral.signpost.note.csam-contradicts" : "referral.signpost.note.csam-minor");
        } else if (!"yes".equals(answers.getMinor()) && !"no".equals(answers.getMinor())) {
            notes.add("referral.signpost.note.age-unsure");
        }
        Organisation platform = platform(answers.getPlatform(), notes);
        Step centre = centre(language);
        if (forms.isEmpty()) {
            notes.addFirst("referral.signpost.note.nothing-chosen");
            return new SignpostAdvice(false, List.of(), List.of(), centre, notes, danger);
        }
        RoutingFacts facts = new RoutingFacts(null, forms, platform, age,
                RELATIONSHIPS.getOrDefault(orEmpty(answers.getRelationship()), Relationship.UNKNOWN),
                DAYS.get(orEmpty(answers.getStarted())), danger);
        RoutingAdvice advice = routing.route(facts);
        return new SignpostAdvice(true, advice.actions().stream().map(a -> step(a, language)).toList(),
                advice.referrals().stream().map(r -> step(r, language)).toList(), centre, notes, danger);
    }

    /** The immutable maps above refuse to look up null: an unanswered question is "". */
    private static String orEmpty(String answer) {
        return answer == null ? "" : answer;
    }

    private Organisation platform(String typed, List<String> notes) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String name = typed.strip();
        Organisation found = directory.findByName(name).or(() -> directory.findByDomain(name)).orElse(null);
        if (found == null) {
            notes.add("referral.signpost.note.platform-unknown");
        }
        return found;
    }

    private Step step(ActionRoute route, Locale language) {
        Organisation who = route.organisation();
        String body = who == null ? messages.getMessage("routing.kind." + route.kind(), null, language) : who.name();
        if (route.forwardTo() != null) {
            body += " → " + route.forwardTo().name().in(language);
        }
        return new Step(body, route.kind(), who == null ? null : who.phone(), who == null ? null : who.website(),
                route.reason().in(language), route.urgent());
    }

    private Step step(Referral referral, Locale language) {
        Organisation who = referral.organisation();
        return new Step(who == null ? referral.ruleId() : who.name(), "referral", who == null ? null : who.phone(),
                who == null ? null : who.website(), referral.reason().in(language), referral.urgent());
    }

    private Step centre(Locale language) {
        return directory.findByKey(SEXUAL_VIOLENCE_CENTRE)
                .map(o -> new Step(o.name(), "referral", o.phone(), o.website(),
                        messages.getMessage("referral.signpost.safe.centre", null, language), false))
                .orElse(null);
    }
}
