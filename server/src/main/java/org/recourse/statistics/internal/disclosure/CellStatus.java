package org.recourse.statistics.internal.disclosure;

/** Whether a cell of a release is published, and if not why. */
public enum CellStatus {
    PUBLISHED,
    /** Small in itself (or computed over too few things). */
    PRIMARY,
    /** Hidden so that a primary cell cannot be worked out from the totals of this release. */
    SECONDARY;

    public boolean suppressed() {
        return this != PUBLISHED;
    }
}
