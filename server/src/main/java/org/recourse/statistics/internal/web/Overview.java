package org.recourse.statistics.internal.web;

import java.util.List;

/**
 * The staff statistics page for one period: key figures, the year's trend and the breakdowns.
 *
 * @param keyFigures label, value and whether the source is recorded, in order
 */
public record Overview(String period, java.time.Instant computedAt, List<KeyFigure> keyFigures, Chart trend, List<Breakdown.Row> trendRows,
                       List<Breakdown> breakdowns) {

    /** @param id used in the page, e.g. {@code key-cases} */
    public record KeyFigure(String id, String label, String shown, boolean recorded) {
    }
}
