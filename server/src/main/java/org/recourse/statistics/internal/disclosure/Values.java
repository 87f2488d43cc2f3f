package org.recourse.statistics.internal.disclosure;

import java.util.Locale;

import org.recourse.statistics.internal.measures.Cell;

/** How values are written: counts whole, hours with one decimal, shares as whole percentages (to 5 below the rounding base). */
public final class Values {

    private Values() {
    }

    public static String format(Cell cell, int roundingBase) {
        if (cell.value() == null) {
            return "";
        }
        Double v = cell.value();
        return switch (cell.key().measure().kind()) {
            case COUNT, SUM -> Long.toString(Math.round(v));
            case STATISTIC -> String.format(Locale.ROOT, "%.1f", v);
            case SHARE -> {
                double percent = v * 100;
                yield Long.toString(cell.base() < roundingBase ? Math.round(percent / 5) * 5 : Math.round(percent));
            }
        };
    }
}
