/**
 * The directory of organisations Recourse deals with: platforms, hosters, registrars and site
 * owners that receive notices; regulators, police and prosecutors that can act; help
 * organisations the victim can be referred to. Other modules read it through {@link
 * org.recourse.directory.Directory}; coordinators keep it current in the staff UI, and every
 * earlier version of an entry is kept.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.recourse.directory;
