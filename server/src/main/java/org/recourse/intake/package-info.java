/**
 * The reporting point: reports from the public form, staff (phone, chat, e-mail), partner
 * organisations (API), CSV imports and a mailbox become cases with reported items, a status
 * history and the fields monitors need. Reporters follow their case on the status page with a
 * case number and secret. Other modules read cases and record progress through {@link Cases}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package org.recourse.intake;
