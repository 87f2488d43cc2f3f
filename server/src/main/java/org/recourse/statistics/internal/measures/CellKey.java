package org.recourse.statistics.internal.measures;

import java.util.Map;
import java.util.TreeMap;

/**
 * Names one cell of a release independently of the table it is printed in: the measure and the
 * categories of the dimensions that are not at their total. The cell "cases, gender=woman" is the
 * same cell in a table by gender and in a table by gender and age (at age total), so it is
 * published or suppressed the same way in both.
 */
public record CellKey(Measure measure, Map<Dimension, String> categories) {

    public CellKey {
        TreeMap<Dimension, String> sorted = new TreeMap<>();
        categories.forEach((d, v) -> {
            if (!Dimension.TOTAL.equals(v)) {
                sorted.put(d, v);
            }
        });
        categories = java.util.Collections.unmodifiableMap(sorted);
    }

    /** The category of {@code d}, or {@code total}. */
    public String category(Dimension d) {
        return categories.getOrDefault(d, Dimension.TOTAL);
    }

    public CellKey with(Dimension d, String category) {
        TreeMap<Dimension, String> changed = new TreeMap<>(categories);
        changed.put(d, category);
        return new CellKey(measure, changed);
    }

    public CellKey withMeasure(Measure other) {
        return new CellKey(other, categories);
    }
}
