package org.recourse.statistics.internal.measures;

/**
 * A computed cell: its value (a count, a sum, hours or a fraction; null where there is nothing to
 * compute it over), how many things it is based on and, for a share, its numerator.
 */
public record Cell(CellKey key, Double value, long base, long part) {

    public boolean isMargin(Dimension d) {
        return Dimension.TOTAL.equals(key.category(d));
    }
}
