package org.recourse.matching.internal.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A match API request that cannot be answered, as an RFC 9457 problem: {@code code} is the
 * machine-readable kind (also the message key's last part), {@code errors} lists the positions of
 * a batch that are wrong.
 */
public class MatchProblem extends RuntimeException {

    public enum Kind {
        MISSING_SIGNAL(HttpStatus.BAD_REQUEST),
        UNKNOWN_SIGNAL_TYPE(HttpStatus.BAD_REQUEST),
        MALFORMED_HEX(HttpStatus.BAD_REQUEST),
        WRONG_LENGTH(HttpStatus.BAD_REQUEST),
        QUALITY_ZERO(HttpStatus.BAD_REQUEST),
        INVALID_QUALITY(HttpStatus.BAD_REQUEST),
        INVALID_INCLUDE_DISTANCE(HttpStatus.BAD_REQUEST),
        BATCH_EMPTY(HttpStatus.BAD_REQUEST),
        BATCH_TOO_LARGE(HttpStatus.BAD_REQUEST),
        INVALID_BATCH(HttpStatus.BAD_REQUEST),
        INVALID_CHECKPOINT(HttpStatus.BAD_REQUEST),
        CHECKPOINT_AHEAD(HttpStatus.BAD_REQUEST),
        INVALID_LIMIT(HttpStatus.BAD_REQUEST),
        INVALID_VERDICT(HttpStatus.BAD_REQUEST),
        UNKNOWN_ENTRY(HttpStatus.NOT_FOUND),
        INDEX_NOT_READY(HttpStatus.SERVICE_UNAVAILABLE);

        private final HttpStatus status;

        Kind(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }

        /** As the problem's {@code code} member: {@code malformed_hex}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;
    private final transient Object[] arguments;
    private final transient List<Map<String, Object>> errors;

    public MatchProblem(Kind kind, Object... arguments) {
        this(kind, List.of(), arguments);
    }

    public MatchProblem(Kind kind, List<Map<String, Object>> errors, Object... arguments) {
        super(kind.code(), null, false, false);
        this.kind = kind;
        this.arguments = arguments;
        this.errors = List.copyOf(errors);
    }

    public Kind kind() {
        return kind;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }
}
