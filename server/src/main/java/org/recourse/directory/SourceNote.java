package org.recourse.directory;

import java.time.LocalDate;

/**
 * Where a fact about an organisation comes from, and when it was checked: directory entries go
 * stale, so a reader must be able to judge how much to trust them.
 */
public record SourceNote(LocalDate date, String source, String text) {
}
