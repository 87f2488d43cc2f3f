/**
 * What every module stands on: the database (embedded or external), the command line, message
 * bundles, error pages, the public landing page and the rules by which modules declare who may
 * call their routes. Its top-level types are its API; {@code internal} is its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.recourse.platform;
