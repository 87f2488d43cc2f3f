package org.recourse.statistics.internal.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.recourse.statistics.Source;
import org.recourse.statistics.internal.measures.Cell;
import org.recourse.statistics.internal.measures.CellKey;
import org.recourse.statistics.internal.measures.Dimension;
import org.recourse.statistics.internal.measures.Measure;
import org.recourse.statistics.internal.measures.Period;
import org.recourse.statistics.internal.measures.Table;
import org.springframework.stereotype.Component;

/**
 * Disclosure control over all tables of a release together (see ADR 0011): primary suppression of
 * small cells, then secondary suppression until no suppressed cell can be worked out from the
 * release's totals: first the rule that no total may have exactly one hidden part, then an exact
 * check that solves the release's linear relations and hides one more cell for any it determines.
 * A cell that appears in several tables is one cell, hidden in all of them or in none.
 */
@Component
public class Suppressing {

    private final DisclosureSettings settings;

    public Suppressing(DisclosureSettings settings) {
        this.settings = settings;
    }

    public ProtectedRelease protect(Period period, List<Table> tables, Set<Source> recorded) {
        Map<CellKey, Cell> cells = new LinkedHashMap<>();
        tables.forEach(t -> t.cells().forEach(c -> cells.putIfAbsent(c.key(), c)));
        List<Relation> relations = relations(tables, cells);
        Map<CellKey, CellStatus> status = new HashMap<>();
        int threshold = settings.threshold();
        cells.values().stream().filter(c -> c.key().measure().additive()).forEach(c -> {
            long size = c.key().measure().kind() == Measure.Kind.COUNT ? Math.round(c.value()) : c.base();
            if (size > 0 && size < threshold) {
                status.put(c.key(), CellStatus.PRIMARY);
            }
        });
        secondary(relations, cells, status);
        cells.values().stream().filter(c -> !c.key().measure().additive()).forEach(c -> {
            if (small(c)) {
                status.put(c.key(), CellStatus.PRIMARY);
            } else if (hidden(status, c.key(), c.key().measure().numeratorMeasure())
                    || hidden(status, c.key(), c.key().measure().baseMeasure())) {
                status.put(c.key(), CellStatus.SECONDARY);
            }
        });
        return new ProtectedRelease(period, tables, Map.copyOf(status), settings, Set.copyOf(recorded));
    }

    /** A statistic over too few things, or a share whose part or remainder is small. */
    private boolean small(Cell c) {
        int t = settings.threshold();
        if (c.value() == null) {
            return false;
        }
        if (c.base() < t) {
            return true;
        }
        if (c.key().measure().kind() == Measure.Kind.SHARE) {
            long rest = c.base() - c.part();
            return (c.part() > 0 && c.part() < t) || (rest > 0 && rest < t);
        }
        return false;
    }

    private static boolean hidden(Map<CellKey, CellStatus> status, CellKey key, Optional<Measure> measure) {
        return measure.map(m -> status.getOrDefault(key.withMeasure(m), CellStatus.PUBLISHED).suppressed()).orElse(false);
    }

    private void secondary(List<Relation> relations, Map<CellKey, Cell> cells, Map<CellKey, CellStatus> status) {
        while (true) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Relation r : relations) {
                    List<CellKey> all = r.all();
                    long hiddenCount = all.stream().filter(k -> status.containsKey(k)).count();
                    if (hiddenCount == 1 && hideOneMore(r, cells, status)) {
                        changed = true;
                    }
                }
            }
            Set<CellKey> recoverable = Recovering.recoverable(relations, status.keySet());
            if (recoverable.isEmpty()) {
                return;
            }
            CellKey exposed = recoverable.iterator().next();
            boolean hid = false;
            for (Relation r : relations) {
                if (r.all().contains(exposed) && hideOneMore(r, cells, status)) {
                    hid = true;
                    break;
                }
            }
            if (!hid) {
                throw new IllegalStateException("cannot protect " + exposed + ": every cell around it is hidden");
            }
        }
    }

    /** Hides the smallest published cell of a relation, a part before the total, a non-zero before a zero. */
    private static boolean hideOneMore(Relation r, Map<CellKey, Cell> cells, Map<CellKey, CellStatus> status) {
        Comparator<CellKey> cost = Comparator.<CellKey>comparingInt(k -> value(cells, k) == 0 ? 1 : 0)
                .thenComparingInt(k -> k.equals(r.total()) ? 1 : 0)
                .thenComparingDouble(k -> value(cells, k));
        Optional<CellKey> pick = r.all().stream().filter(k -> !status.containsKey(k)).min(cost);
        pick.ifPresent(k -> status.put(k, CellStatus.SECONDARY));
        return pick.isPresent();
    }

    private static double value(Map<CellKey, Cell> cells, CellKey k) {
        Cell c = cells.get(k);
        return c == null || c.value() == null ? 0 : c.value();
    }

    /**
     * What a reader knows: in every additive table, the parts of each row, column and layer add up
     * to its total; across measures, notices are acknowledged or never answered, and refused
     * notices are the notices whose action taken is "refused".
     */
    static List<Relation> relations(List<Table> tables, Map<CellKey, Cell> cells) {
        Set<Relation> relations = new java.util.LinkedHashSet<>();
        for (Table t : tables) {
            if (!t.spec().measure().additive()) {
                continue;
            }
            for (Dimension d : t.spec().dimensions()) {
                for (Cell c : t.cells()) {
                    if (!c.isMargin(d)) {
                        continue;
                    }
                    List<CellKey> members = new ArrayList<>();
                    for (String category : t.categories().get(d)) {
                        members.add(c.key().with(d, category));
                    }
                    relations.add(new Relation(List.copyOf(members), c.key()));
                }
            }
        }
        Set<CellKey> keys = new HashSet<>(cells.keySet());
        for (CellKey k : keys) {
            if (k.measure() == Measure.NOTICES) {
                CellKey acknowledged = k.withMeasure(Measure.NOTICES_ACKNOWLEDGED);
                CellKey never = k.withMeasure(Measure.NOTICES_NEVER_ANSWERED);
                if (keys.contains(acknowledged) && keys.contains(never)) {
                    relations.add(new Relation(List.of(acknowledged, never), k));
                }
                if ("refused".equals(k.category(Dimension.ACTION_TAKEN))) {
                    CellKey refused = new CellKey(Measure.NOTICES_REFUSED, withoutAction(k));
                    if (keys.contains(refused)) {
                        relations.add(new Relation(List.of(refused), k));
                    }
                }
            }
        }
        return new ArrayList<>(relations);
    }

    private static Map<Dimension, String> withoutAction(CellKey k) {
        Map<Dimension, String> categories = new HashMap<>(k.categories());
        categories.remove(Dimension.ACTION_TAKEN);
        return categories;
    }
}
