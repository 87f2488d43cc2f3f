package org.recourse.statistics.internal.disclosure;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.recourse.statistics.Source;
import org.recourse.statistics.internal.measures.Cell;
import org.recourse.statistics.internal.measures.CellKey;
import org.recourse.statistics.internal.measures.Measure;
import org.recourse.statistics.internal.measures.Period;
import org.recourse.statistics.internal.measures.Table;

/**
 * The tables of one period's release after disclosure control: what may leave the workbench. Every
 * value is read through {@link #shown}, which gives the suppression symbol for a suppressed cell.
 *
 * @param recorded the sources something in the running system records; a measure from another says "not yet recorded"
 */
public record ProtectedRelease(Period period, List<Table> tables, Map<CellKey, CellStatus> status,
                               DisclosureSettings settings, Set<Source> recorded) {

    public CellStatus status(Cell cell) {
        return status.getOrDefault(cell.key(), CellStatus.PUBLISHED);
    }

    public boolean recorded(Measure measure) {
        return recorded.contains(measure.source());
    }

    /** The value as published: the symbol when suppressed, a rounded percentage for shares, empty where there is nothing. */
    public String shown(Cell cell) {
        if (status(cell).suppressed()) {
            return settings.symbol();
        }
        return Values.format(cell, settings.roundingBase());
    }
}
