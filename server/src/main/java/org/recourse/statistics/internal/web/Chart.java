package org.recourse.statistics.internal.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart drawn on the server as SVG: bars (one per category) or a line (one point per period).
 * Geometry is computed here so the template only places shapes; the same figures are always
 * given as a table beside it.
 */
public record Chart(String id, int width, int height, List<Bar> bars, String points, List<Point> dots) {

    static final int WIDTH = 640;
    static final int LABEL = 210;
    static final int ROW = 24;

    /** One bar: its label, the value as shown, and where it is drawn; suppressed or empty bars have no length. */
    public record Bar(String label, String shown, int y, int length, int textX) {
    }

    public record Point(String label, String shown, int x, int y) {
    }

    /** @param values null where a value is suppressed or missing: the bar is drawn empty, its text says why */
    static Chart bars(String id, List<String> labels, List<Double> values, List<String> shown) {
        double max = values.stream().filter(java.util.Objects::nonNull).reduce(0.0, Math::max);
        int span = WIDTH - LABEL - 60;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Double v = values.get(i);
            int length = v == null || max <= 0 ? 0 : (int) Math.round(v / max * span);
            bars.add(new Bar(labels.get(i), shown.get(i), i * ROW + 4, length, LABEL + length + 6));
        }
        return new Chart(id, WIDTH, labels.size() * ROW + 8, bars, "", List.of());
    }

    static Chart line(String id, List<String> labels, List<Double> values, List<String> shown) {
        int height = 200;
        int left = 40;
        int bottom = height - 30;
        double max = values.stream().filter(java.util.Objects::nonNull).reduce(0.0, Math::max);
        int step = labels.size() <= 1 ? 0 : (WIDTH - left - 20) / (labels.size() - 1);
        StringBuilder points = new StringBuilder();
        List<Point> dots = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Double v = values.get(i);
            int x = left + i * step;
            int y = v == null || max <= 0 ? bottom : bottom - (int) Math.round(v / max * (bottom - 20));
            points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
            dots.add(new Point(labels.get(i), shown.get(i), x, y));
        }
        return new Chart(id, WIDTH, height, List.of(), points.toString(), dots);
    }
}
