package org.recourse.statistics.internal.facts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Matches the municipality a reporter typed to the CBS list of municipalities on a date (the
 * resource names the date) and gives its province. Text that matches nothing, or a name two
 * municipalities share (Bergen), counts as {@link #UNKNOWN}.
 */
@Component
public class Municipalities {

    public static final String UNKNOWN = "unknown";
    public static final String LIST = "statistics/municipalities-2025.csv";
    public static final String LIST_DATE = "2025-01-01";

    /** Everyday names for municipalities whose official name differs. */
    private static final Map<String, String> ALIASES = Map.of(
            "den haag", "'s-Gravenhage", "the hague", "'s-Gravenhage", "den bosch", "'s-Hertogenbosch",
            "nuenen", "Nuenen, Gerwen en Nederwetten");

    public record Match(String municipality, String province) {
    }

    private final Map<String, Match> byKey = new HashMap<>();
    private final List<String> provinces;

    public Municipalities() {
        Map<String, List<Match>> byPlainName = new HashMap<>();
        Set<String> provinceNames = new java.util.TreeSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(LIST).getInputStream(),
                StandardCharsets.UTF_8))) {
            in.lines().filter(line -> !line.startsWith("#") && !line.startsWith("municipality;")).forEach(line -> {
                String[] parts = line.split(";");
                Match match = new Match(parts[0], parts[1]);
                provinceNames.add(parts[1]);
                byKey.put(key(parts[0]), match);
                byPlainName.computeIfAbsent(key(parts[0].replaceAll("\\s*\\(.*\\)", "")), k -> new java.util.ArrayList<>())
                        .add(match);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byPlainName.forEach((plain, matches) -> {
            if (matches.size() == 1) {
                byKey.putIfAbsent(plain, matches.getFirst());
            }
        });
        ALIASES.forEach((alias, name) -> byKey.put(key(alias), byKey.get(key(name))));
        this.provinces = List.copyOf(provinceNames);
    }

    /** The municipality and province {@code typed} names, or unknown for both. */
    public Match match(String typed) {
        if (typed == null || typed.isBlank()) {
            return new Match(UNKNOWN, UNKNOWN);
        }
        String key = key(typed.replaceFirst("(?i)^\\s*gemeente\\s+", ""));
        Match found = byKey.get(key);
        return found == null ? new Match(UNKNOWN, UNKNOWN) : found;
    }

    /** The twelve provinces, alphabetically. */
    public List<String> provinces() {
        return provinces;
    }

    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("’", "'").replaceAll("[^a-z0-9']+", " ").strip()
                .replaceFirst("^s ", "'s ");
    }
}
