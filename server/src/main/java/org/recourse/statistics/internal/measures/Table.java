package org.recourse.statistics.internal.measures;

import java.util.List;
import java.util.Map;

/**
 * A table of one period: every combination of its dimensions' categories, margins
 * ({@code total}) included, in a stable order.
 *
 * @param categories per dimension, the categories in the order shown (without {@code total})
 */
public record Table(TableSpec spec, Period period, Map<Dimension, List<String>> categories, List<Cell> cells) {

    public Cell cell(CellKey key) {
        return cells.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    public Cell total() {
        return cell(new CellKey(spec.measure(), Map.of()));
    }
}
