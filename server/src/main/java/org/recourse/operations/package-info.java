/**
 * Running Recourse: {@code ./recourse doctor} looks at configuration, database, disk, key files,
 * clock and mail settings without changing anything and says in plain words what to fix.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.recourse.operations;
