/**
 * Routing: given what is known about a case, who can act (platform, hoster, police, regulators,
 * the civil route) and where to refer the victim, in order, each with a reason an analyst can
 * read out. The rules are data — a versioned rule set coordinators edit and publish — so the
 * advice changes without a release and every past version stays viewable.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package org.recourse.routing;
