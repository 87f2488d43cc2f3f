package org.recourse.statistics.internal.measures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computed tables of a period kept in the database for {@code recourse.statistics.snapshot-max-age}
 * (default 5 minutes), shared by every node: a page within that time reads them instead of scanning
 * the period's facts again. Pages say when their figures were computed.
 */
@Component
public class TableSnapshots {

    /** Tables and when they were computed. */
    public record Snapshot(Map<TableSpec, Table> tables, Instant computedAt) {
    }

    private static final TypeReference<List<Table>> TABLES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Tabulating tabulating;
    private final Clock clock;
    private final Duration maxAge;
    private final JsonMapper json = JsonMapper.builder().build();

    TableSnapshots(JdbcClient jdbc, Tabulating tabulating, Clock clock,
                   @Value("${recourse.statistics.snapshot-max-age:5m}") Duration maxAge) {
        this.jdbc = jdbc;
        this.tabulating = tabulating;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public Snapshot tables(List<TableSpec> specs, Period period) {
        return tables(specs, period, false);
    }

    /** Computes and keeps the tables now, whatever is kept (the background refresh). */
    public void refresh(List<TableSpec> specs, Period period) {
        tables(specs, period, true);
    }

    private Snapshot tables(List<TableSpec> specs, Period period, boolean recompute) {
        String key = digest(period + "|" + specs.stream().map(TableSpec::toString).collect(Collectors.joining(";")));
        Instant now = clock.instant();
        List<Map<String, Object>> kept = recompute ? List.of()
                : jdbc.sql("select payload, computed_at from stat_snapshot where key = ? and computed_at > ?")
                        .params(key, Timestamp.from(now.minus(maxAge))).query().listOfRows();
        if (!kept.isEmpty()) {
            List<Table> tables = json.readValue((String) kept.getFirst().get("payload"), TABLES);
            Map<TableSpec, Table> bySpec = new LinkedHashMap<>();
            tables.forEach(t -> bySpec.put(t.spec(), t));
            if (bySpec.keySet().containsAll(specs)) {
                return new Snapshot(bySpec, ((Timestamp) kept.getFirst().get("computed_at")).toInstant());
            }
        }
        Map<TableSpec, Table> computed = tabulating.tables(specs, period);
        jdbc.sql("""
                        insert into stat_snapshot (key, period, computed_at, payload) values (?, ?, ?, ?)
                        on conflict (key) do update set computed_at = excluded.computed_at, payload = excluded.payload""")
                .params(key, period.toString(), Timestamp.from(now), json.writeValueAsString(List.copyOf(computed.values())))
                .update();
        return new Snapshot(computed, now);
    }

    private static final TypeReference<List<Cell>> CELLS = new TypeReference<>() {
    };

    /** {@link Tabulating#monthly}, kept like the tables. */
    public List<Cell> monthly(Measure measure, int year) {
        return monthly(measure, year, false);
    }

    public void refreshMonthly(Measure measure, int year) {
        monthly(measure, year, true);
    }

    private List<Cell> monthly(Measure measure, int year, boolean recompute) {
        String key = digest("monthly|" + measure.code() + "|" + year);
        Instant now = clock.instant();
        if (!recompute) {
            List<String> kept = jdbc.sql("select payload from stat_snapshot where key = ? and computed_at > ?")
                    .params(key, Timestamp.from(now.minus(maxAge))).query(String.class).list();
            if (!kept.isEmpty()) {
                return json.readValue(kept.getFirst(), CELLS);
            }
        }
        List<Cell> computed = tabulating.monthly(measure, year);
        jdbc.sql("""
                        insert into stat_snapshot (key, period, computed_at, payload) values (?, ?, ?, ?)
                        on conflict (key) do update set computed_at = excluded.computed_at, payload = excluded.payload""")
                .params(key, Integer.toString(year), Timestamp.from(now), json.writeValueAsString(computed)).update();
        return computed;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
