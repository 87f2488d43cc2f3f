package org.recourse.routing;

import java.util.Set;
import org.recourse.directory.Organisation;

/**
 * What routing needs to know about a case.
 *
 * @param legalStatus  {@link LegalStatus#UNKNOWN} before assessment
 * @param forms        taxonomy codes of the forms of violence, see {@link FormsOfViolence}
 * @param platform     the platform, hoster, registrar or site owner holding the content, or null if not known yet
 * @param age          the victim's age group
 * @param relationship to the perpetrator; {@link Relationship#UNKNOWN} if not known
 * @param daysAgo      days since it happened, or null if not known
 * @param threatToLife a suspected crime threatening someone's life or safety (DSA art. 18)
 */
public record RoutingFacts(LegalStatus legalStatus, Set<String> forms, Organisation platform, VictimAge age,
                           Relationship relationship, Integer daysAgo, boolean threatToLife) {

    public RoutingFacts {
        legalStatus = legalStatus == null ? LegalStatus.UNKNOWN : legalStatus;
        forms = Set.copyOf(forms);
        relationship = relationship == null ? Relationship.UNKNOWN : relationship;
        if (age == null) {
            throw new IllegalArgumentException("the victim's age group is required");
        }
        if (daysAgo != null && daysAgo < 0) {
            throw new IllegalArgumentException("days ago cannot be negative");
        }
    }
}
