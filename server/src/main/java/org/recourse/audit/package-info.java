/**
 * The tamper-evident audit trail: who did what to which object, when and from where. Entries
 * are appended in the caller's transaction and sealed into a hash chain shortly after.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.recourse.audit;
