package org.recourse.takedown.internal.responses;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback platforms use to report what they did with a notice:
 * {@code POST /api/v1/notices/{id}/responses} with their key as Bearer token and
 * {@code {"type": "acknowledgement" | "decision", "decision": "removed" | "restricted" | "refused" | "other", "reasons": "..."}}.
 * {@code {id}} is the notice id or its reference ({@code TD-...}). Errors are RFC 9457 problem details.
 */
@RestController
class ResponsesApi {

    /** The body platforms send. */
    record ResponseBody(String type, String decision, String reasons) {
    }

    private final RecordingResponses responses;
    private final PlatformKeys keys;
    private final JdbcClient jdbc;
    private final Clock clock;

    ResponsesApi(RecordingResponses responses, PlatformKeys keys, JdbcClient jdbc, Clock clock) {
        this.responses = responses;
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/notices/{id}/responses", produces = "application/json")
    ResponseEntity<?> respond(@PathVariable String id, @RequestHeader(name = "Authorization", required = false) String authorization,
                              @RequestBody(required = false) ResponseBody body) {
        Optional<String> caller = Optional.ofNullable(authorization).filter(a -> a.startsWith("Bearer "))
                .flatMap(a -> keys.recipientOf(a.substring(7).strip()));
        if (caller.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "A valid notice-response key is required (Authorization: Bearer tk_...).", List.of());
        }
        Optional<UUID> notice = responses.notice(id).filter(n -> caller.get().equals(
                jdbc.sql("select recipient_key from takedown_notice where id = ?").param(n).query(String.class).single()));
        if (notice.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "No notice with this id was sent to you.", List.of());
        }
        List<Map<String, String>> invalid = new java.util.ArrayList<>();
        if (body == null || body.type() == null || !RecordingResponses.KINDS.contains(body.type())) {
            invalid.add(Map.of("name", "type", "reason", "must be 'acknowledgement' or 'decision'"));
        } else if ("decision".equals(body.type()) && (body.decision() == null || !RecordingResponses.DECISIONS.contains(body.decision()))) {
            invalid.add(Map.of("name", "decision", "reason", "must be one of removed, restricted, refused, other"));
        }
        if (body != null && body.reasons() != null && body.reasons().length() > 10_000) {
            invalid.add(Map.of("name", "reasons", "reason", "at most 10000 characters"));
        }
        if (!invalid.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "The response is incomplete or invalid.", invalid);
        }
        AuditActor.runAs("platform:" + caller.get(), () -> responses.record(notice.get(), new RecordingResponses.Response(
                body.type(), body.decision(), body.reasons(), "api", null, clock.instant(), "platform:" + caller.get())));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("notice", notice.get());
        answer.put("recorded", body.type());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<Map<String, String>> invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        if (!invalid.isEmpty()) {
            problem.setProperty("invalidParams", invalid);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
