package org.recourse.routing;

import java.util.List;

/**
 * The outcome of routing: who can act and where to refer, each list in the order to follow.
 *
 * @param ruleSetVersion the published rule set version that produced it, so advice can be explained later
 */
public record RoutingAdvice(int ruleSetVersion, List<ActionRoute> actions, List<Referral> referrals) {

    public RoutingAdvice {
        actions = List.copyOf(actions);
        referrals = List.copyOf(referrals);
    }
}
