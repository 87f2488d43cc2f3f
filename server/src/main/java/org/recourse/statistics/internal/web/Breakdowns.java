package org.recourse.statistics.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.recourse.statistics.internal.disclosure.ProtectedRelease;
import org.recourse.statistics.internal.disclosure.Values;
import org.recourse.statistics.internal.measures.Cell;
import org.recourse.statistics.internal.measures.CellKey;
import org.recourse.statistics.internal.measures.Dimension;
import org.recourse.statistics.internal.measures.Measure;
import org.recourse.statistics.internal.measures.Table;
import org.springframework.stereotype.Component;

/** Turns a one-dimensional table into what a page shows: rows, total and chart. */
@Component
public class Breakdowns {

    private final Labels labels;

    Breakdowns(Labels labels) {
        this.labels = labels;
    }

    /**
     * As published (transparency page, annual reports): suppressed cells show the symbol, and a
     * platform is named only where its number of notices in the same release is published.
     */
    public Breakdown published(ProtectedRelease release, Table table, Locale locale) {
        boolean perPlatform = table.spec().dimensions().contains(Dimension.PLATFORM);
        Table noticesByPlatform = release.tables().stream()
                .filter(t -> t.spec().measure() == Measure.NOTICES && t.spec().dimensions().equals(List.of(Dimension.PLATFORM)))
                .findFirst().orElse(null);
        return of(table, locale, release::shown, c -> !release.status(c).suppressed(), c -> {
            if (!perPlatform) {
                return true;
            }
            Cell notices = noticesByPlatform == null ? null : noticesByPlatform.cell(c.key().withMeasure(Measure.NOTICES));
            return notices != null && !release.status(notices).suppressed();
        });
    }

    /** Unsuppressed, for staff. */
    public Breakdown staff(Table table, Locale locale) {
        return of(table, locale, c -> Values.format(c, 0), c -> true, c -> true);
    }

    /**
     * @param shown    the value as shown for a cell
     * @param exact    whether the cell's value may be drawn (false: suppressed, drawn empty)
     * @param included whether a category's row appears at all
     */
    Breakdown of(Table table, Locale locale, Function<Cell, String> shown, Predicate<Cell> exact, Predicate<Cell> included) {
        Dimension d = table.spec().dimensions().getFirst();
        List<Breakdown.Row> rows = new ArrayList<>();
        List<String> chartLabels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String category : table.categories().get(d)) {
            Cell cell = table.cell(new CellKey(table.spec().measure(), Map.of(d, category)));
            if (!included.test(cell)) {
                continue;
            }
            String label = labels.category(d, category, locale);
            String text = shown.apply(cell);
            rows.add(new Breakdown.Row(label, text));
            chartLabels.add(label);
            values.add(exact.test(cell) ? cell.value() : null);
            texts.add(text.isEmpty() ? "–" : text);
        }
        String id = table.spec().measure().code() + "-by-" + d.code();
        return new Breakdown(id, labels.measure(table.spec().measure(), locale), labels.dimension(d, locale), rows,
                shown.apply(table.total()), true, Chart.bars("chart-" + id, chartLabels, values, texts));
    }
}
