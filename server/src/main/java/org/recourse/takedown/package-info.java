/**
 * Notice and action: turns a take-down decision into DSA art. 16 notices grouped per recipient,
 * sends them exactly once through a database outbox (e-mail, platform API, X-ARF, manual web
 * form), records acknowledgements and decisions, watches every notified item until it is offline,
 * re-notifies while it stays online, and keeps the clock that escalation starts from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Takedown")
package org.recourse.takedown;
