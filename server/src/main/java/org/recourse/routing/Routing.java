package org.recourse.routing;

import java.util.List;

/** Routes a case with the currently published rule set. */
public interface Routing {

    RoutingAdvice route(RoutingFacts facts);

    /** {@link #route} for many cases at once, with one rule set and one look-up per organisation named. */
    List<RoutingAdvice> routeAll(List<RoutingFacts> facts);
}
