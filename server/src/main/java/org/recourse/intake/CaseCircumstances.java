package org.recourse.intake;

/**
 * What the reporter said about when it happened, the age of the person shown and the relationship
 * to the perpetrator, as stored codes (see the report form). Assessment needs them to judge
 * urgency and to route; the relationship is a monitoring field, so callers audit the views they
 * show it on.
 *
 * @param started      {@code last_7_days}, {@code last_month}, {@code last_year}, {@code longer_ago},
 *                     {@code unknown}, or null when not asked or not answered
 * @param ongoing      {@code yes}, {@code no}, {@code unsure} or null
 * @param minor        whether the person shown is under 18: {@code yes}, {@code no}, {@code unsure} or null
 * @param relationship to the perpetrator, e.g. {@code ex_partner}, or null
 */
public record CaseCircumstances(String started, String ongoing, String minor, String relationship) {
}
