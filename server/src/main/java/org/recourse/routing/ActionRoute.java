package org.recourse.routing;

import org.recourse.directory.Organisation;

/**
 * Someone who can act on the case.
 *
 * @param ruleId       the rule that produced this route, for explaining and testing the rule set
 * @param kind         what kind of step it is, e.g. {@code notice}, {@code police}, {@code regulator}, {@code civil}
 * @param organisation who to contact; null when they must still be found (e.g. the hoster of an unknown site)
 * @param forwardTo    the body our contact passes the case on to (e.g. the Irish coordinator via the ACM), or null
 * @param reason       why, in words an analyst can read to the victim
 * @param urgent       act now rather than in the normal course
 */
public record ActionRoute(String ruleId, String kind, Organisation organisation, Forwarding forwardTo,
                          LocalizedText reason, boolean urgent) {
}
