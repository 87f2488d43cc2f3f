package org.recourse.statistics.internal.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.recourse.statistics.internal.measures.CellKey;

/**
 * What an attacker can do with the published totals: solve the linear system of a release's
 * relations for its suppressed cells. A suppressed cell is recoverable when the system determines
 * it exactly (its unit vector lies in the row space of the relations restricted to the suppressed
 * cells). Solved per connected group of suppressed cells, by Gaussian elimination.
 */
final class Recovering {

    private static final double EPSILON = 1e-9;

    private Recovering() {
    }

    /** The suppressed cells that the relations determine exactly. */
    static Set<CellKey> recoverable(List<Relation> relations, Set<CellKey> suppressed) {
        Map<CellKey, List<Relation>> byCell = new HashMap<>();
        for (Relation r : relations) {
            for (CellKey k : r.all()) {
                if (suppressed.contains(k)) {
                    byCell.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
                }
            }
        }
        Set<CellKey> result = new HashSet<>();
        Set<CellKey> seen = new HashSet<>();
        for (CellKey start : byCell.keySet()) {
            if (!seen.add(start)) {
                continue;
            }
            Set<CellKey> group = new LinkedHashSet<>();
            Set<Relation> groupRelations = new LinkedHashSet<>();
            ArrayDeque<CellKey> pending = new ArrayDeque<>(List.of(start));
            while (!pending.isEmpty()) {
                CellKey k = pending.pop();
                group.add(k);
                for (Relation r : byCell.getOrDefault(k, List.of())) {
                    if (groupRelations.add(r)) {
                        for (CellKey other : r.all()) {
                            if (suppressed.contains(other) && seen.add(other)) {
                                pending.push(other);
                            }
                        }
                    }
                }
            }
            result.addAll(determined(new ArrayList<>(group), groupRelations, suppressed));
        }
        return result;
    }

    private static Set<CellKey> determined(List<CellKey> unknowns, Set<Relation> relations, Set<CellKey> suppressed) {
        Map<CellKey, Integer> column = new HashMap<>();
        for (int i = 0; i < unknowns.size(); i++) {
            column.put(unknowns.get(i), i);
        }
        int n = unknowns.size();
        List<double[]> rows = new ArrayList<>();
        for (Relation r : relations) {
            double[] row = new double[n];
            for (CellKey m : r.members()) {
                if (suppressed.contains(m)) {
                    row[column.get(m)] += 1;
                }
            }
            if (suppressed.contains(r.total())) {
                row[column.get(r.total())] -= 1;
            }
            rows.add(row);
        }
        double[][] a = rows.toArray(double[][]::new);
        int pivotRow = 0;
        int[] pivotOf = new int[n];
        java.util.Arrays.fill(pivotOf, -1);
        for (int col = 0; col < n && pivotRow < a.length; col++) {
            int best = -1;
            for (int r = pivotRow; r < a.length; r++) {
                if (Math.abs(a[r][col]) > EPSILON && (best < 0 || Math.abs(a[r][col]) > Math.abs(a[best][col]))) {
                    best = r;
                }
            }
            if (best < 0) {
                continue;
            }
            double[] swap = a[pivotRow];
            a[pivotRow] = a[best];
            a[best] = swap;
            double p = a[pivotRow][col];
            for (int c = 0; c < n; c++) {
                a[pivotRow][c] /= p;
            }
            for (int r = 0; r < a.length; r++) {
                if (r != pivotRow && Math.abs(a[r][col]) > EPSILON) {
                    double f = a[r][col];
                    for (int c = 0; c < n; c++) {
                        a[r][c] -= f * a[pivotRow][c];
                    }
                }
            }
            pivotOf[col] = pivotRow;
            pivotRow++;
        }
        Set<CellKey> found = new HashSet<>();
        for (int col = 0; col < n; col++) {
            if (pivotOf[col] < 0) {
                continue;
            }
            double[] row = a[pivotOf[col]];
            boolean alone = true;
            for (int c = 0; c < n && alone; c++) {
                alone = c == col || Math.abs(row[c]) < EPSILON;
            }
            if (alone) {
                found.add(unknowns.get(col));
            }
        }
        return found;
    }
}
