/**
 * Referral and safety: the public signpost (wegwijzer) that tells anyone where to go, from the
 * same routing rules analysts use, and protection orders as facts — the accounts of the person an
 * order binds, a report naming one flagged as a possible breach for the police, a check-in when it
 * ends. Hand-offs to help organisations extend assessment's referrals (its table), in assessment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referral and safety")
package org.recourse.referral;
