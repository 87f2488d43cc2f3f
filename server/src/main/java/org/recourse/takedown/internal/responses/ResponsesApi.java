package org.recourse.takedown.internal.responses;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.recourse.audit.AuditActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
@Tag(name = "Notice responses", description = "Platforms report what they did with a notice")
@SecurityScheme(name = "noticeResponseKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A per-platform key created by the hotline (`./recourse notice-key create`), tk_...")
class ResponsesApi {

    /** The body platforms send. */
    @Schema(name = "NoticeResponse")
    record ResponseBody(
            @Schema(description = "What the platform reports", allowableValues = {"acknowledgement", "decision"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String type,
            @Schema(description = "Required with type=decision", allowableValues = {"removed", "restricted", "refused", "other"})
            String decision,
            @Schema(description = "The platform's statement of reasons (DSA art. 17), at most 10,000 characters", maxLength = 10_000)
            String reasons) {
    }

    /** 201 body. */
    @Schema(name = "NoticeResponseRecorded")
    record Recorded(UUID notice, String recorded) {
    }

    /** 400 body: problem details naming the invalid members (documentation of what {@link #problem} writes). */
    @Schema(name = "InvalidNoticeResponseProblem", allOf = ProblemDetail.class,
            description = "Problem details listing each invalid member of the response in `invalidParams`")
    record InvalidResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InvalidParam> invalidParams) {
        @Schema(name = "InvalidNoticeResponseParam")
        record InvalidParam(@Schema(description = "The member, as named in the request", requiredMode = Schema.RequiredMode.REQUIRED)
                            String name,
                            @Schema(description = "What is wrong with it", requiredMode = Schema.RequiredMode.REQUIRED)
                            String reason) {
        }
    }

    private final RecordingResponses responses;
    private final PlatformKeys keys;
    private final Clock clock;

    ResponsesApi(RecordingResponses responses, PlatformKeys keys, Clock clock) {
        this.responses = responses;
        this.keys = keys;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/notices/{id}/responses", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(operationId = "respondToNotice", summary = "Report what you did with a notice",
            description = "Records an acknowledgement of receipt or a decision (removed, restricted, refused, other) with "
                    + "the statement of reasons, for a notice the hotline sent to your platform. A repeated identical "
                    + "response is recorded once.",
            security = @SecurityRequirement(name = "noticeResponseKey"),
            parameters = @Parameter(name = "id", in = ParameterIn.PATH, required = true,
                    description = "The notice reference (TD-...) or its id, as given in the notice"),
            responses = {
                    @ApiResponse(responseCode = "201", description = "Response recorded",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Recorded.class))),
                    @ApiResponse(responseCode = "400", description = "Invalid fields, listed in `invalidParams`",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = InvalidResponse.class))),
                    @ApiResponse(responseCode = "401", description = "Missing or unknown key",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "404", description = "No notice with this id was sent to your platform",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    ResponseEntity<?> respond(@PathVariable String id,
                              @Parameter(hidden = true) @RequestHeader(name = "Authorization", required = false) String authorization,
                              @RequestBody(required = false) ResponseBody body) {
        Optional<String> caller = Optional.ofNullable(authorization).filter(a -> a.startsWith("Bearer "))
                .flatMap(a -> keys.recipientOf(a.substring(7).strip()));
        if (caller.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "A valid notice-response key is required (Authorization: Bearer tk_...).", List.of());
        }
        Optional<UUID> notice = responses.noticeSentTo(id, caller.get());
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
        return ResponseEntity.status(HttpStatus.CREATED).body(new Recorded(notice.get(), body.type()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<Map<String, String>> invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        if (!invalid.isEmpty()) {
            problem.setProperty("invalidParams", invalid);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
