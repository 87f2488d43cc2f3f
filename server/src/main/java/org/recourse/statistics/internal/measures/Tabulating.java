package org.recourse.statistics.internal.measures;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.recourse.platform.DisplayTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes tables from the read model: one grouped query per table, margins by {@code cube}, so
 * every margin is computed over the same rows as its cells (a median's margin is the median of
 * all, not a sum). Periods are cut in the display zone.
 */
@Component
public class Tabulating {

    private final JdbcClient jdbc;
    private final DisplayTime time;

    Tabulating(JdbcClient jdbc, DisplayTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public Table table(TableSpec spec, Period period) {
        return tables(List.of(spec), period).get(spec);
    }

    /**
     * Many tables at once: one query per unit (cases, notices, ...) computes every measure of those
     * tables over every combination of their dimensions by {@code grouping sets}, so a page or a
     * release reads each fact table once.
     */
    @Transactional(readOnly = true)
    public Map<TableSpec, Table> tables(List<TableSpec> specs, Period period) {
        Map<TableSpec, Table> result = new LinkedHashMap<>();
        Map<Unit, List<TableSpec>> byUnit = new LinkedHashMap<>();
        specs.forEach(s -> byUnit.computeIfAbsent(s.measure().unit(), u -> new ArrayList<>()).add(s));
        byUnit.forEach((unit, unitSpecs) -> result.putAll(tablesOf(unit, unitSpecs, period)));
        Map<TableSpec, Table> ordered = new LinkedHashMap<>();
        specs.forEach(s -> ordered.put(s, result.get(s)));
        return ordered;
    }

    private Map<TableSpec, Table> tablesOf(Unit unit, List<TableSpec> specs, Period period) {
        List<Dimension> dims = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        for (TableSpec spec : specs) {
            spec.dimensions().stream().filter(d -> !dims.contains(d)).forEach(dims::add);
            if (!measures.contains(spec.measure())) {
                measures.add(spec.measure());
            }
        }
        java.util.Set<java.util.Set<Integer>> groupingSets = new java.util.LinkedHashSet<>();
        for (TableSpec spec : specs) {
            List<Integer> indices = spec.dimensions().stream().map(dims::indexOf).toList();
            for (int mask = 0; mask < 1 << indices.size(); mask++) {
                java.util.Set<Integer> set = new java.util.TreeSet<>();
                for (int b = 0; b < indices.size(); b++) {
                    if ((mask & 1 << b) != 0) {
                        set.add(indices.get(b));
                    }
                }
                groupingSets.add(set);
            }
        }
        StringBuilder inner = new StringBuilder("select f.*");
        for (int i = 0; i < dims.size(); i++) {
            inner.append(", ").append(dims.get(i).sql(unit)).append(" as d").append(i);
        }
        inner.append(" from ").append(unit.table()).append(" f where f.").append(unit.at()).append(" >= ? and f.")
                .append(unit.at()).append(" < ?");
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < dims.size(); i++) {
            sql.append("d").append(i).append(", grouping(d").append(i).append(") as g").append(i).append(", ");
        }
        for (int m = 0; m < measures.size(); m++) {
            sql.append(m == 0 ? "" : ", ").append(measures.get(m).aggregate()).append(" as v").append(m).append(", ")
                    .append(measures.get(m).baseAggregate()).append(" as b").append(m);
        }
        sql.append(" from (").append(inner).append(") f");
        if (!dims.isEmpty()) {
            sql.append(" group by grouping sets (");
            sql.append(String.join(", ", groupingSets.stream().map(set -> "(" + String.join(", ",
                    set.stream().map(i -> "d" + i).toList()) + ")").toList()));
            sql.append(")");
        }
        Map<CellKey, Cell> found = new HashMap<>();
        Map<Dimension, TreeSet<String>> observed = new HashMap<>();
        dims.forEach(d -> observed.put(d, new TreeSet<>()));
        jdbc.sql(sql.toString())
                .params(Timestamp.from(period.start(time.zone())), Timestamp.from(period.end(time.zone())))
                .query(rs -> {
                    Map<Dimension, String> categories = new HashMap<>();
                    for (int i = 0; i < dims.size(); i++) {
                        String value = rs.getInt("g" + i) == 1 ? Dimension.TOTAL : rs.getString("d" + i);
                        categories.put(dims.get(i), value);
                        if (!Dimension.TOTAL.equals(value)) {
                            observed.get(dims.get(i)).add(value);
                        }
                    }
                    for (int m = 0; m < measures.size(); m++) {
                        double v = rs.getDouble("v" + m);
                        boolean none = rs.wasNull();
                        long base = rs.getLong("b" + m);
                        CellKey key = new CellKey(measures.get(m), categories);
                        found.put(key, cell(measures.get(m), key, none ? null : v, base));
                    }
                });
        Map<TableSpec, Table> tables = new LinkedHashMap<>();
        for (TableSpec spec : specs) {
            Map<Dimension, List<String>> categories = new LinkedHashMap<>();
            for (Dimension d : spec.dimensions()) {
                List<String> shown = new ArrayList<>(d.categories());
                observed.get(d).stream().filter(c -> !shown.contains(c)).forEach(shown::add);
                categories.put(d, shown);
            }
            List<Cell> cells = new ArrayList<>();
            for (Map<Dimension, String> combination : combinations(spec.dimensions(), categories)) {
                CellKey key = new CellKey(spec.measure(), combination);
                cells.add(found.getOrDefault(key, cell(spec.measure(), key, null, 0)));
            }
            tables.put(spec, new Table(spec, period, categories, cells));
        }
        return tables;
    }

    /** A measure per month of a year, January first (months without things give 0 or null). */
    @Transactional(readOnly = true)
    public List<Cell> monthly(Measure measure, int year) {
        Unit unit = measure.unit();
        String zone = time.zone().getId();
        Period whole = new Period(Period.Kind.YEAR, year, 0);
        Map<Integer, Cell> byMonth = new HashMap<>();
        jdbc.sql("select extract(month from f." + unit.at() + " at time zone ?)::int as m, " + measure.aggregate() + " as v, "
                        + measure.baseAggregate() + " as b from " + unit.table() + " f where f." + unit.at() + " >= ? and f."
                        + unit.at() + " < ? group by 1")
                .params(zone, Timestamp.from(whole.start(time.zone())), Timestamp.from(whole.end(time.zone())))
                .query(rs -> {
                    double v = rs.getDouble("v");
                    boolean none = rs.wasNull();
                    byMonth.put(rs.getInt("m"), cell(measure, new CellKey(measure, Map.of()), none ? null : v, rs.getLong("b")));
                });
        List<Cell> cells = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            cells.add(byMonth.getOrDefault(m, cell(measure, new CellKey(measure, Map.of()), null, 0)));
        }
        return cells;
    }

    private static Cell cell(Measure measure, CellKey key, Double value, long base) {
        return switch (measure.kind()) {
            case COUNT, SUM -> new Cell(key, value == null ? 0.0 : value, base, 0);
            case STATISTIC -> new Cell(key, base == 0 ? null : value, base, 0);
            case SHARE -> {
                long part = value == null ? 0 : value.longValue();
                yield new Cell(key, base == 0 ? null : (double) part / base, base, part);
            }
        };
    }

    /** Every combination of categories and {@code total}, categories first, totals last. */
    static List<Map<Dimension, String>> combinations(List<Dimension> dims, Map<Dimension, List<String>> categories) {
        List<Map<Dimension, String>> result = new ArrayList<>();
        result.add(new LinkedHashMap<>());
        for (Dimension d : dims) {
            List<Map<Dimension, String>> next = new ArrayList<>();
            for (Map<Dimension, String> partial : result) {
                List<String> values = new ArrayList<>(categories.get(d));
                values.add(Dimension.TOTAL);
                for (String v : values) {
                    Map<Dimension, String> extended = new LinkedHashMap<>(partial);
                    extended.put(d, v);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }
}
