package org.recourse.statistics.internal.export;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.recourse.audit.AuditActor;
import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.recourse.statistics.internal.measures.Period;
import org.recourse.statistics.internal.presets.Preset;
import org.springframework.stereotype.Component;

/** {@code ./recourse statistics export --period YYYY|YYYY-Qn|YYYY-MM --preset NAME --format csv|xlsx|json --out FILE}. */
@Component
class ExportCommand implements CliCommand {

    private final Exporting exporting;
    private final Releases releases;

    ExportCommand(Exporting exporting, Releases releases) {
        this.exporting = exporting;
        this.releases = releases;
    }

    @Override
    public String name() {
        return "statistics export";
    }

    @Override
    public String summary() {
        return "writes a monitor's figures with disclosure control: --period YYYY|YYYY-Qn|YYYY-MM --preset NAME "
                + "--format csv|xlsx|json --out FILE (CSV: method in FILE.method.txt)";
    }

    @Override
    public int run(List<String> words, PrintStream out, PrintStream err) {
        CliArguments args = CliArguments.parse(words);
        if (args.flag("help")) {
            help(out);
            return 0;
        }
        List<String> unknown = args.unknown(Set.of("period", "preset", "format", "out", "help"));
        if (!unknown.isEmpty()) {
            err.println("error: not an option of statistics export: " + String.join(" ", unknown));
            return 2;
        }
        Optional<Period> period = args.option("period").flatMap(Period::parse);
        if (period.isEmpty()) {
            err.println("error: --period: a whole year, quarter or month, e.g. 2026, 2026-Q1 or 2026-03");
            return 2;
        }
        String presetName = args.option("preset").orElse("");
        Optional<Preset> preset = releases.presets().stream().filter(p -> p.name().equals(presetName)).findFirst();
        if (preset.isEmpty()) {
            err.println("error: --preset: no preset named '" + presetName + "'; ./recourse statistics presets lists them");
            return 2;
        }
        Optional<Exporting.Format> format = args.option("format").flatMap(Exporting.Format::fromCode);
        if (format.isEmpty()) {
            err.println("error: --format: csv, xlsx or json");
            return 2;
        }
        Optional<String> target = args.option("out").filter(o -> !o.isBlank());
        if (target.isEmpty()) {
            err.println("error: --out: the file to write");
            return 2;
        }
        try {
            List<Path> written = AuditActor.supplyAs("cli:" + System.getProperty("user.name"), () -> {
                try {
                    return exporting.export(preset.get(), period.get(), format.get(), Path.of(target.get()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            written.forEach(p -> out.println("written: " + p));
            return 0;
        } catch (Exporting.ExportRefused e) {
            err.println("error: not written: " + e.getMessage());
            return 1;
        } catch (java.io.UncheckedIOException e) {
            err.println("error: could not write " + target.get() + ": " + e.getCause().getMessage());
            return 1;
        }
    }
}
