package org.recourse.statistics.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.recourse.statistics.internal.disclosure.Values;
import org.recourse.statistics.internal.measures.Cell;
import org.recourse.statistics.internal.measures.CellKey;
import org.recourse.statistics.internal.measures.Dimension;
import org.recourse.statistics.internal.measures.Table;
import org.springframework.stereotype.Component;

/** Turns a one-dimensional table into what a page shows: rows, total and chart. */
@Component
class Breakdowns {

    private final Labels labels;

    Breakdowns(Labels labels) {
        this.labels = labels;
    }

    /** Unsuppressed, for staff. */
    Breakdown staff(Table table, Locale locale) {
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
