package org.recourse.statistics.internal.measures;

import java.util.List;
import java.util.stream.Collectors;

/** One table: a measure broken down by up to three dimensions (none: just the total). */
public record TableSpec(Measure measure, List<Dimension> dimensions) {

    public TableSpec {
        dimensions = List.copyOf(dimensions);
        for (Dimension d : dimensions) {
            if (!d.appliesTo(measure.unit())) {
                throw new IllegalArgumentException(d.code() + " does not apply to " + measure.code());
            }
        }
        if (dimensions.size() > 3 || dimensions.stream().distinct().count() != dimensions.size()) {
            throw new IllegalArgumentException("at most three different dimensions");
        }
    }

    public static TableSpec of(Measure measure, Dimension... dimensions) {
        return new TableSpec(measure, List.of(dimensions));
    }

    /** As written in a preset: {@code cases: gender, age_band}. */
    @Override
    public String toString() {
        return measure.code() + (dimensions.isEmpty() ? "" : ": "
                + dimensions.stream().map(Dimension::code).collect(Collectors.joining(", ")));
    }
}
