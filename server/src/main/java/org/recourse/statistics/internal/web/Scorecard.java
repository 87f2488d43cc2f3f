package org.recourse.statistics.internal.web;

import java.util.List;

/**
 * Per platform and period: notices, acknowledged within the SLA, median and 90th percentile hours
 * to removal, never answered, refusals, escalations and re-uploads, with the previous period beside it.
 *
 * @param columns the measures' names, in the order of each row's values
 * @param notRecorded names of measures whose source nothing records yet
 */
public record Scorecard(String period, String previousPeriod, List<String> columns, List<Line> lines,
                        List<String> notRecorded) {

    /** @param previous the same values for the previous period */
    public record Line(String platform, List<String> values, List<String> previous) {
    }
}
