package org.recourse.statistics.internal.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.recourse.statistics.internal.disclosure.ProtectedRelease;
import org.recourse.statistics.internal.measures.Cell;
import org.recourse.statistics.internal.measures.Dimension;
import org.recourse.statistics.internal.measures.Period;
import org.recourse.statistics.internal.measures.Table;
import org.recourse.statistics.internal.measures.TableSpec;
import org.recourse.statistics.internal.presets.Preset;

/** A preset's tables taken from a protected release: what an export file holds. */
public record Export(Preset preset, Period period, List<Dimension> dimensions, List<ExportedTable> tables,
                     String symbol, int threshold, int roundingBase, Instant createdAt) {

    static Export of(Preset preset, ProtectedRelease release, Instant createdAt) {
        List<Dimension> dims = new ArrayList<>();
        preset.tables().forEach(t -> t.dimensions().stream().filter(d -> !dims.contains(d)).forEach(dims::add));
        List<ExportedTable> tables = new ArrayList<>();
        for (TableSpec spec : preset.tables()) {
            Table table = release.tables().stream().filter(t -> t.spec().equals(spec)).findFirst().orElse(null);
            if (table == null || !release.recorded(spec.measure())) {
                tables.add(new ExportedTable(spec, false, List.of()));
                continue;
            }
            List<ExportedTable.Row> rows = new ArrayList<>();
            for (Cell cell : table.cells()) {
                List<String> categories = dims.stream().map(d -> cell.key().category(d)).toList();
                rows.add(new ExportedTable.Row(categories, release.shown(cell), release.status(cell).suppressed()));
            }
            tables.add(new ExportedTable(spec, true, rows));
        }
        return new Export(preset, release.period(), List.copyOf(dims), tables, release.settings().symbol(),
                release.settings().threshold(), release.settings().roundingBase(), createdAt);
    }
}
