/**
 * Prevention: hash banks of known material (PDQ for images, MD5 and SHA-256 for exact files), an
 * HMA-compatible match API and feed for platforms, and each node's in-memory match index kept in
 * step with the banks. Entries from the child-abuse route are never banked here; a victim's
 * withdrawal or her case's retention removes her entries everywhere.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching")
package org.recourse.matching;
