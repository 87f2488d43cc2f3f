package org.recourse.routing.internal.rules;

import java.util.Locale;
import java.util.Set;
import org.recourse.directory.Organisation;
import org.recourse.routing.RoutingFacts;

/**
 * The facts plus what follows from them: where the platform is supervised. Under DSA art. 56 a
 * provider is supervised where its main establishment is, or else where its EU legal
 * representative sits; without either, every member state's coordinator may act.
 */
record Situation(RoutingFacts facts, Establishment establishment, String supervisionCountry) {

    /** EU member states (ISO 3166 alpha-2); the DSA and GDPR one-stop shop apply to these. */
    static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    enum Establishment {
        NL, EU, OUTSIDE_EU, UNKNOWN;

        String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Establishment ofCode(String code) {
            return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    static Situation of(RoutingFacts facts) {
        Organisation platform = facts.platform();
        if (platform == null || platform.country() == null || platform.country().isBlank()) {
            return new Situation(facts, Establishment.UNKNOWN, null);
        }
        String country = platform.country().toUpperCase(Locale.ROOT);
        String representative = platform.legalRepresentativeCountry() == null ? null
                : platform.legalRepresentativeCountry().toUpperCase(Locale.ROOT);
        String supervision = EU.contains(country) ? country
                : representative != null && EU.contains(representative) ? representative : null;
        Establishment establishment = supervision == null ? Establishment.OUTSIDE_EU
                : "NL".equals(supervision) ? Establishment.NL : Establishment.EU;
        return new Situation(facts, establishment, supervision);
    }
}
