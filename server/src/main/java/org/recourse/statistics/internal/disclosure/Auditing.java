package org.recourse.statistics.internal.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.recourse.statistics.internal.measures.Cell;
import org.recourse.statistics.internal.measures.CellKey;

/** The last check before anything is written: which suppressed cells of a release its totals would reveal. */
public final class Auditing {

    private Auditing() {
    }

    public static Set<CellKey> exposed(ProtectedRelease release) {
        Map<CellKey, Cell> cells = new LinkedHashMap<>();
        release.tables().forEach(t -> t.cells().forEach(c -> cells.putIfAbsent(c.key(), c)));
        Set<CellKey> suppressed = new java.util.HashSet<>();
        release.status().forEach((k, s) -> {
            if (s.suppressed() && k.measure().additive()) {
                suppressed.add(k);
            }
        });
        return Recovering.recoverable(new ArrayList<>(Suppressing.relations(release.tables(), cells)), suppressed);
    }
}
