/**
 * Staff accounts, roles, two-factor sign-in and the security rules every route is held to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff accounts")
package org.recourse.accounts;
