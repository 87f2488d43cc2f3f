package org.recourse.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} pairs (a name may repeat) and positional words, as commands take them. */
public final class CliArguments {

    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private CliArguments() {
    }

    public static CliArguments parse(List<String> args) {
        CliArguments parsed = new CliArguments();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word.startsWith("--")) {
                String name = word.substring(2);
                String value = "";
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                }
                parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                parsed.positional.add(word);
            }
        }
        return parsed;
    }

    public Optional<String> option(String name) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
    }

    public List<String> options(String name) {
        return options.getOrDefault(name, List.of());
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public List<String> positional() {
        return positional;
    }

    /** The words a command does not take: options not in {@code known} (as {@code --name}), then positional words. */
    public List<String> unknown(Set<String> known) {
        List<String> unknown = new ArrayList<>();
        options.keySet().stream().filter(name -> !known.contains(name)).forEach(name -> unknown.add("--" + name));
        unknown.addAll(positional);
        return unknown;
    }
}
