package org.recourse.platform;

import java.util.List;
import java.util.Optional;

/**
 * The synthetic platforms of {@code ./recourse demo}: clearly named as synthetic, on reserved
 * {@code .invalid} domains, each with its own way of handling notices. The directory lists them; intake
 * reports items on them; take-down answers for them.
 */
public final class DemoPlatforms {

    /** How a platform deals with notices. */
    public enum Behaviour {
        /** Acknowledges within hours and removes almost everything within a day or two. */
        FAST,
        /** Acknowledges after days, removes about half, refuses some. */
        SLOW,
        /** Never answers. */
        SILENT
    }

    /** A synthetic platform; {@code share} is its part of the reported items. */
    public record Platform(String key, String name, String domain, String country, Behaviour behaviour, double share) {
    }

    public static final List<Platform> ALL = List.of(
            new Platform("demo-snelnet", "Snelnet (synthetisch)", "snelnet.demo.invalid", "NL", Behaviour.FAST, 0.40),
            new Platform("demo-traagtube", "Traagtube (synthetisch)", "traagtube.demo.invalid", "NL", Behaviour.SLOW, 0.30),
            new Platform("demo-stilforum", "Stilforum (synthetisch)", "stilforum.demo.invalid", "NL", Behaviour.SILENT, 0.15),
            new Platform("demo-ierlandshare", "IerlandShare (synthetisch)", "ierlandshare.demo.invalid", "IE", Behaviour.SLOW, 0.15));

    private DemoPlatforms() {
    }

    public static Optional<Platform> byKey(String key) {
        return ALL.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
