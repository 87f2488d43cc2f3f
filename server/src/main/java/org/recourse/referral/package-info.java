/**
 * Referral and safety: the public signpost (wegwijzer) that tells anyone where to go, from the
 * same routing rules analysts use; later the hand-offs to the organisations that help and the
 * digital-safety picture.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referral and safety")
package org.recourse.referral;
