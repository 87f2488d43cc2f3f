package org.recourse.statistics.internal.export;

import java.util.List;

import org.recourse.statistics.internal.measures.TableSpec;

/**
 * One table of an export as written: its rows in the preset's dimension order ({@code total} for
 * the dimensions it does not break down by), with published values only.
 *
 * @param recorded false when nothing records the measure's source yet: it has no rows
 */
public record ExportedTable(TableSpec spec, boolean recorded, List<Row> rows) {

    /**
     * @param categories the category per dimension of the export, in its order
     * @param value      as published: a number, the suppression symbol, or empty when there is nothing to compute
     */
    public record Row(List<String> categories, String value, boolean suppressed) {
    }
}
