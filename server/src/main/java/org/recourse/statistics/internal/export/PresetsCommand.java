package org.recourse.statistics.internal.export;

import java.io.PrintStream;
import java.util.List;

import org.recourse.platform.CliCommand;
import org.recourse.statistics.internal.measures.TableSpec;
import org.recourse.statistics.internal.presets.Preset;
import org.springframework.stereotype.Component;

/** {@code ./recourse statistics presets}: the presets and their tables. */
@Component
class PresetsCommand implements CliCommand {

    private final Releases releases;

    PresetsCommand(Releases releases) {
        this.releases = releases;
    }

    @Override
    public String name() {
        return "statistics presets";
    }

    @Override
    public String summary() {
        return "lists the export presets (one per monitor) and their tables";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        for (Preset preset : releases.presets()) {
            out.println(preset.name() + " — " + preset.title());
            for (TableSpec table : preset.tables()) {
                out.println("  " + table);
            }
        }
        return 0;
    }
}
