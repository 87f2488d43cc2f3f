package org.recourse.statistics.internal.disclosure;

import java.util.ArrayList;
import java.util.List;

import org.recourse.statistics.internal.measures.CellKey;

/** A linear fact a reader of the release knows: the members add up to the total. */
record Relation(List<CellKey> members, CellKey total) {

    List<CellKey> all() {
        List<CellKey> all = new ArrayList<>(members);
        all.add(total);
        return all;
    }
}
