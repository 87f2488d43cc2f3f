package org.recourse.routing;

/** Routes a case with the currently published rule set. */
public interface Routing {

    RoutingAdvice route(RoutingFacts facts);
}
