package org.recourse.intake.internal.api;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.recourse.intake.PartnerKeys;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.intake.internal.cases.CaseRecord;
import org.recourse.intake.internal.cases.GroupCommit;
import org.recourse.intake.internal.cases.CaseRepository;
import org.recourse.intake.internal.cases.FieldError;
import org.recourse.intake.internal.cases.ReportValidation;
import org.recourse.intake.internal.cases.Submitted;
import org.recourse.intake.internal.form.FormSupport;
import org.recourse.platform.Problems;
import org.recourse.platform.PublicUrls;
import org.recourse.platform.RequestArrival;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The partner API: submit a report, follow its status. */
@RestController
@RequestMapping(path = "/api/v1/reports", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Reports", description = "Reports from partner organisations")
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A per-organisation API key created by an administrator (rk_...)")
@SecurityRequirement(name = "apiKey")
class ReportsApiController {

    static final String EXAMPLE = """
            {
              "reporterType": "professional",
              "forms": ["non_consensual_sharing", "threat_to_share"],
              "items": [
                {"url": "https://video.example.com/watch?v=abc123", "platform": "ExampleTube", "account": "uploader_42"},
                {"platform": "Telegram", "account": "@exposure_channel", "description": "Channel reposting the same video"}
              ],
              "started": "last_month",
              "ongoing": "yes",
              "minor": "no",
              "policeContacted": "unsure",
              "description": "Ex-partner shared the video after the relationship ended.",
              "contact": {"consent": true, "email": "person@example.org"},
              "monitoring": {"gender": "woman", "ageBand": "25_34", "relationship": "ex_partner", "municipality": "Utrecht"},
              "reference": "PARTNER-2026-0042"
            }
            """;

    private static final String RETRY_AFTER = "Seconds to wait before trying again";
    private static final String BUSY = "This server is handling as many API requests as it takes at once; try again after Retry-After";

    /** 201 body: the case number and where to follow it. */
    @Schema(name = "ReportAccepted")
    record Accepted(String caseNumber, String status, String statusUrl, Instant receivedAt, List<String> linkedCases) {
    }

    @Schema(name = "ReportStatus")
    record Status(String caseNumber, String status, Instant receivedAt, List<Change> history) {
        @Schema(name = "ReportStatusChange")
        record Change(String status, Instant at) {
        }
    }

    /** 400 body: problem details with the fields that are wrong (documentation of what {@link #problem} writes). */
    @Schema(name = "InvalidReportProblem", allOf = ProblemDetail.class,
            description = "Problem details; when fields of the report are invalid, `errors` lists each of them")
    record InvalidReport(List<InvalidField> errors) {
        @Schema(name = "InvalidReportField")
        record InvalidField(@Schema(description = "The field, as named in the request", requiredMode = Schema.RequiredMode.REQUIRED)
                            String field,
                            @Schema(description = "What is wrong with it, in the language asked for",
                                    requiredMode = Schema.RequiredMode.REQUIRED) String message) {
        }
    }

    private final FormSupport support;
    private final SubmittingPartnerReport submitting;
    private final Idempotency idempotency;
    private final CaseRepository cases;
    private final MessageSource messages;
    private final JsonMapper json;
    private final PublicUrls urls;
    private final Problems problems;
    private final Duration maxWait;

    ReportsApiController(FormSupport support, SubmittingPartnerReport submitting, Idempotency idempotency,
                         CaseRepository cases, MessageSource messages, JsonMapper json, PublicUrls urls,
                         Problems problems, IntakeSettings settings) {
        this.urls = urls;
        this.problems = problems;
        this.maxWait = settings.api().maxWait();
        this.support = support;
        this.submitting = submitting;
        this.idempotency = idempotency;
        this.cases = cases;
        this.messages = messages;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "submitReport", summary = "Submit a report",
            description = "Creates a case and returns its number and status URL. Send an Idempotency-Key to make "
                    + "retries safe: a repeated request with the same key returns the first case.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiReport.class),
                            examples = @ExampleObject(name = "complete", summary = "A complete report", value = EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "Case created (or replayed for a repeated Idempotency-Key)",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Accepted.class))),
                    @ApiResponse(responseCode = "400", description = "Invalid fields, listed in `errors`, or an invalid Idempotency-Key",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = InvalidReport.class))),
                    @ApiResponse(responseCode = "401", description = "Missing, unknown or revoked API key",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "403", description = "The key lacks the reports:submit scope",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused for a different request",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "429", description = "Rate limit of the key exceeded; see Retry-After",
                            headers = @Header(name = "Retry-After", description = RETRY_AFTER, schema = @Schema(type = "integer")),
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "503", description = BUSY,
                            headers = @Header(name = "Retry-After", description = RETRY_AFTER, schema = @Schema(type = "integer")),
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    ResponseEntity<?> submit(@RequestBody ApiReport body,
                             @Parameter(in = ParameterIn.HEADER, description = "Unique per logical request, at most 200 characters")
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                             @AuthenticationPrincipal PartnerKeys.PartnerKey caller, Locale locale,
                             HttpServletRequest request) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return problem(HttpStatus.BAD_REQUEST, "intake.api.idempotency-key-invalid", locale, null);
        }
        // A retry is recognised when its key is claimed at commit: the first request's case wins and
        // the retry's work rolls back. Retries are rare, so no lookup slows down every first request.
        String requestHash = hash(json.writeValueAsBytes(body));
        var outcome = ReportValidation.validate(body.toReport(caller.organisation()), support::activeForm);
        if (!outcome.valid()) {
            return problem(HttpStatus.BAD_REQUEST, "intake.api.invalid", locale, fieldErrors(outcome.errors(), locale));
        }
        try {
            Submitted submitted = submitting.submit(outcome.report(), caller, idempotencyKey, requestHash,
                    RequestArrival.deadline(request, maxWait));
            return created(submitted.caseNumber(), submitted.receivedAt(), submitted.linkedCaseNumbers(), false);
        } catch (GroupCommit.Busy overloaded) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "intake.api.busy", locale, null).getBody());
        } catch (SubmittingPartnerReport.KeyAlreadyUsed raced) {
            return replay(caller, idempotencyKey, requestHash, locale).orElseThrow();
        }
    }

    @GetMapping("/{caseNumber}")
    @Operation(operationId = "getReportStatus", summary = "Follow a report",
            description = "The status history of a case this organisation reported.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The case's status and its history",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Status.class))),
                    @ApiResponse(responseCode = "401", description = "Missing, unknown or revoked API key",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "403", description = "The key lacks the scope to read reports",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "404", description = "No case with this number was reported by your organisation",
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "429", description = "Rate limit of the key exceeded; see Retry-After",
                            headers = @Header(name = "Retry-After", description = RETRY_AFTER, schema = @Schema(type = "integer")),
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "503", description = BUSY,
                            headers = @Header(name = "Retry-After", description = RETRY_AFTER, schema = @Schema(type = "integer")),
                            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    ResponseEntity<?> status(@PathVariable String caseNumber, @AuthenticationPrincipal PartnerKeys.PartnerKey caller,
                             Locale locale) {
        Optional<CaseRecord> record = cases.findByNumber(caseNumber)
                .filter(c -> caller.organisation().equals(c.organisation()));
        if (record.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "intake.api.not-found", locale, null);
        }
        CaseRecord c = record.get();
        List<Status.Change> history = cases.history(c.id()).stream()
                .map(h -> new Status.Change(h.status().name(), h.changedAt())).toList();
        return ResponseEntity.ok(new Status(c.caseNumber(), c.status().name(), c.receivedAt(), history));
    }

    private Optional<ResponseEntity<?>> replay(PartnerKeys.PartnerKey caller, String key, String requestHash, Locale locale) {
        return idempotency.find(caller.keyId(), key).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                return problem(HttpStatus.UNPROCESSABLE_CONTENT, "intake.api.idempotency-key-reused", locale, null);
            }
            CaseRecord c = cases.find(stored.caseId()).orElseThrow();
            List<String> linked = cases.links(c.id()).stream().map(CaseRepository.LinkedCase::caseNumber).toList();
            return created(c.caseNumber(), c.receivedAt(), linked, true);
        });
    }

    private ResponseEntity<?> created(String caseNumber, Instant receivedAt, List<String> linked, boolean replayed) {
        URI statusUrl = urls.absolute("/api/v1/reports/{number}", caseNumber);
        var response = ResponseEntity.status(HttpStatus.CREATED).location(statusUrl);
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.contentType(MediaType.APPLICATION_JSON)
                .body(new Accepted(caseNumber, "RECEIVED", statusUrl.toString(), receivedAt, linked));
    }

    private List<Map<String, String>> fieldErrors(List<FieldError> errors, Locale locale) {
        return errors.stream().map(e -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("field", e.field());
            entry.put("message", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return entry;
        }).toList();
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Locale locale,
                                                  List<Map<String, String>> errors) {
        ProblemDetail problem = problems.detail(status, key, null, locale);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
