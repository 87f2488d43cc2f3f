package org.recourse.matching.internal.api;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.recourse.intake.PartnerKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The hash feed partners tail with a checkpoint, and the feedback call. */
@RestController
@RequestMapping(path = "/m", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Hash feed", description = "Keep a copy of the banks in step, and say what was done with a match")
@SecurityRequirement(name = "matchKey")
class FeedController {

    private final ReadingFeed feed;
    private final RecordingFeedback feedback;

    FeedController(ReadingFeed feed, RecordingFeedback feedback) {
        this.feed = feed;
        this.feedback = feedback;
    }

    @GetMapping("/feed")
    @Operation(operationId = "readFeed", summary = "Additions and removals since a checkpoint",
            description = "Start with checkpoint 0 (or none) and pass each page's checkpoint to the next call. Apply the "
                    + "changes in order: additions carry the signal, removals only the entry id. An addition of an entry "
                    + "removed since is left out. Needs the match:feed scope.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "A page of changes (possibly empty)"),
                    @ApiResponse(responseCode = "400", ref = "#/components/responses/MatchBadRequest"),
                    @ApiResponse(responseCode = "401", ref = "#/components/responses/MatchUnauthenticated"),
                    @ApiResponse(responseCode = "403", ref = "#/components/responses/MatchForbidden"),
                    @ApiResponse(responseCode = "429", ref = "#/components/responses/MatchRateLimited")})
    MatchApiModels.FeedPage read(
            @Parameter(description = "The checkpoint of the previous page; 0 for the beginning")
            @RequestParam(required = false) String checkpoint,
            @Parameter(description = "Changes per page, 1–1000 (default 1000)") @RequestParam(required = false) Integer limit) {
        ReadingFeed.Page page = feed.read(checkpoint, limit);
        return new MatchApiModels.FeedPage(page.checkpoint(), page.more(), page.changes().stream()
                .map(c -> new MatchApiModels.FeedChange(c.sequence(), c.op(), c.bank(), c.entryId(), c.signalType(), c.signal()))
                .toList());
    }

    @PostMapping(path = "/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordFeedback", summary = "Say what was done with a match",
            description = "blocked, not_blocked or not_matching_policy, for one entry. Needs the match:feedback scope.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Recorded"),
                    @ApiResponse(responseCode = "400", ref = "#/components/responses/MatchBadRequest"),
                    @ApiResponse(responseCode = "401", ref = "#/components/responses/MatchUnauthenticated"),
                    @ApiResponse(responseCode = "403", ref = "#/components/responses/MatchForbidden"),
                    @ApiResponse(responseCode = "404", ref = "#/components/responses/MatchNotFound"),
                    @ApiResponse(responseCode = "429", ref = "#/components/responses/MatchRateLimited")})
    MatchApiModels.FeedbackRecorded feedback(@RequestBody MatchApiModels.Feedback body,
                                             @org.springframework.security.core.annotation.AuthenticationPrincipal
                                             PartnerKeys.PartnerKey caller) {
        UUID id = feedback.record(caller, body.bankContentId(), body.verdict());
        return new MatchApiModels.FeedbackRecorded(id.toString());
    }
}
