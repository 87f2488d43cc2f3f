/**
 * The evidence vault: the safe fetcher every outbound request about reported content goes
 * through, capture of pages and their media, encrypted storage, chain of custody, evidence
 * packages for police and regulators, and retention.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence vault")
package org.recourse.evidence;
