package org.recourse.statistics.internal.web;

import java.util.List;

/**
 * A measure broken down by one dimension, as a page shows it: rows with the category and the value
 * as shown (unsuppressed on staff pages, protected on the public page), the total, and its chart.
 *
 * @param recorded false when nothing records the measure's source yet
 */
public record Breakdown(String id, String measure, String dimension, List<Row> rows, String total, boolean recorded,
                        Chart chart) {

    public record Row(String category, String shown) {
    }
}
