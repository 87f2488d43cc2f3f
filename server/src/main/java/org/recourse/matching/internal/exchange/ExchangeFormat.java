package org.recourse.matching.internal.exchange;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file formats banks are exchanged in: {@code pdq}, one 64-digit PDQ hash per line;
 * {@code te}, ThreatExchange's hash file ({@code signal_type signal} per line, e.g. {@code pdq <hex>});
 * {@code stopncii}, a JSON array of StopNCII-style records ({@code signalType}, {@code hashValue},
 * {@code hashStatus}, {@code lastModtimestamp}, {@code caseNumbers} keyed by opaque entry ids).
 */
enum ExchangeFormat {
    PDQ("pdq"),
    TE("te"),
    STOPNCII("stopncii");

    private final String option;

    ExchangeFormat(String option) {
        this.option = option;
    }

    String option() {
        return option;
    }

    static Optional<ExchangeFormat> fromOption(String option) {
        return Arrays.stream(values()).filter(f -> f.option.equals(option)).findFirst();
    }

    static String options() {
        return String.join(", ", Arrays.stream(values()).map(ExchangeFormat::option).toList());
    }
}
