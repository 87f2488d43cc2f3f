/**
 * Escalation: when a platform leaves notices unanswered, finds the items and platforms to take to
 * a regulator or the police, proposes where (routing's action routes with directory facts) and
 * says why. Learns from takedown only through its events and API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation")
package org.recourse.escalation;
