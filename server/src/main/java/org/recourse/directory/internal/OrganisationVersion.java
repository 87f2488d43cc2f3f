package org.recourse.directory.internal;

import java.time.Instant;
import org.recourse.directory.Organisation;

/** One saved version of an entry: what it said, when and by whom it was saved. */
record OrganisationVersion(Organisation organisation, Instant changedAt, String changedBy) {
}
