package org.recourse.statistics.internal.presets;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The presets, and saving one (admins): refused with its problems unless every line is valid. */
@Service
public class Presets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Presets(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Preset> all() {
        return jdbc.sql("select name, title, tables from stat_preset order by name").query((rs, n) ->
                new Preset(rs.getString("name"), rs.getString("title"), PresetText.parse(rs.getString("tables")).tables()))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Preset> find(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Saves (creates or replaces) a preset; returns the problems found, and saves nothing if there are any. */
    @Transactional
    public List<PresetText.Problem> save(String name, String title, String tables, String by) {
        if (name == null || !NAME.matcher(name).matches()) {
            return List.of(new PresetText.Problem(0, "statistics.presets.error.name", List.of()));
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            return List.of(new PresetText.Problem(0, "statistics.presets.error.title", List.of()));
        }
        PresetText.Parsed parsed = PresetText.parse(tables);
        if (!parsed.ok()) {
            return parsed.problems();
        }
        jdbc.sql("""
                        insert into stat_preset (name, title, tables, updated_at, updated_by) values (?, ?, ?, ?, ?)
                        on conflict (name) do update set title = excluded.title, tables = excluded.tables,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(name, title.strip(), PresetText.write(parsed.tables()), Timestamp.from(clock.instant()), by).update();
        audit.record("statistics.preset-saved", "stat_preset", name, PresetText.write(parsed.tables()).replace('\n', ';'));
        return List.of();
    }
}
