package org.recourse.routing.internal.rules;

/** A rule as the rules page lists it. */
public record RuleView(String id, String section, String kind, int order, String target, String forwardTo,
                       String reasonNl, String reasonEn) {
}
