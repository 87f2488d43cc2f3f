package org.recourse.statistics.internal.presets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.recourse.statistics.internal.measures.Dimension;
import org.recourse.statistics.internal.measures.Measure;
import org.recourse.statistics.internal.measures.TableSpec;

/**
 * Reads a preset's tables as an admin writes them, one table a line: {@code measure: dimension,
 * dimension}. Every mistake is named with its line, in words (message keys with arguments).
 */
public final class PresetText {

    /** A mistake on a line; {@code key} is a message key, {@code args} its arguments. */
    public record Problem(int line, String key, List<String> args) {
    }

    public record Parsed(List<TableSpec> tables, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty() && !tables.isEmpty();
        }
    }

    private PresetText() {
    }

    public static Parsed parse(String text) {
        List<TableSpec> tables = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(":", 2);
            Optional<Measure> measure = Measure.fromCode(parts[0]);
            if (measure.isEmpty()) {
                problems.add(new Problem(number, "statistics.presets.error.measure", List.of(parts[0].strip(), measures())));
                continue;
            }
            List<Dimension> dims = new ArrayList<>();
            boolean bad = false;
            if (parts.length > 1 && !parts[1].isBlank()) {
                for (String name : parts[1].split(",")) {
                    Optional<Dimension> d = Dimension.fromCode(name);
                    if (d.isEmpty()) {
                        problems.add(new Problem(number, "statistics.presets.error.dimension",
                                List.of(name.strip(), dimensions(measure.get()))));
                        bad = true;
                    } else if (!d.get().appliesTo(measure.get().unit())) {
                        problems.add(new Problem(number, "statistics.presets.error.not-applicable",
                                List.of(name.strip(), measure.get().code(), dimensions(measure.get()))));
                        bad = true;
                    } else if (dims.contains(d.get())) {
                        problems.add(new Problem(number, "statistics.presets.error.twice", List.of(name.strip())));
                        bad = true;
                    } else {
                        dims.add(d.get());
                    }
                }
            }
            if (dims.size() > 3) {
                problems.add(new Problem(number, "statistics.presets.error.too-many", List.of()));
                bad = true;
            }
            if (!bad) {
                tables.add(new TableSpec(measure.get(), dims));
            }
        }
        if (tables.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "statistics.presets.error.empty", List.of()));
        }
        return new Parsed(tables, problems);
    }

    public static String write(List<TableSpec> tables) {
        return tables.stream().map(TableSpec::toString).collect(Collectors.joining("\n"));
    }

    private static String measures() {
        return Arrays.stream(Measure.values()).map(Measure::code).collect(Collectors.joining(", "));
    }

    private static String dimensions(Measure measure) {
        return Arrays.stream(Dimension.values()).filter(d -> d.appliesTo(measure.unit())).map(Dimension::code)
                .collect(Collectors.joining(", "));
    }
}
