package org.recourse.matching.internal.api;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query of a single look-up ({@code GET /m/raw_lookup}, {@code GET /m/lookup}), read straight
 * from the request by {@link LookupQueryResolver}. Spring's {@code @RequestParam} resolution runs
 * every parameter's name (and default) through the application's shared expression cache, a lock
 * that each look-up took five times: under load that lock was contended, and a virtual thread
 * that waits for a contended lock can wait a second or more before it runs again (decision 0025).
 */
@ParameterObject
record LookupQuery(
        @Parameter(name = "signal_type", in = ParameterIn.QUERY, description = MatchApiController.SIGNAL_TYPE)
        String signalType,
        @Parameter(name = "signal", in = ParameterIn.QUERY, description = "The signal in hex")
        String signal,
        @Parameter(name = "include_distance", in = ParameterIn.QUERY, description = "Answer with distances and banks (raw_lookup; /m/lookup always does)",
                schema = @Schema(type = "boolean", defaultValue = "false"))
        boolean includeDistance,
        @Parameter(name = "banks", in = ParameterIn.QUERY, description = "Comma-separated bank names to look in")
        String banks,
        @Parameter(name = "quality", in = ParameterIn.QUERY, description = "PDQ quality of the hash (1–100), if known; 0 is refused",
                schema = @Schema(type = "integer", minimum = "0", maximum = "100"))
        Integer quality) {

    /** The query's parameters; a value that is not a boolean or an integer where one is asked for is a 400 problem. */
    static LookupQuery of(HttpServletRequest request) {
        return new LookupQuery(request.getParameter("signal_type"), request.getParameter("signal"),
                flag(request.getParameter("include_distance")), request.getParameter("banks"),
                quality(request.getParameter("quality")));
    }

    /** As Spring reads a boolean: true, on, yes or 1, and false, off, no or 0; absent or empty is false. */
    private static boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new MatchProblem(MatchProblem.Kind.INVALID_INCLUDE_DISTANCE);
        };
    }

    private static Integer quality(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new MatchProblem(MatchProblem.Kind.INVALID_QUALITY);
        }
    }
}
