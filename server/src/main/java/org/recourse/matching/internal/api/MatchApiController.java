package org.recourse.matching.internal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.recourse.intake.PartnerKeys;
import org.recourse.matching.SignalType;
import org.recourse.matching.internal.index.MatchIndex;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HMA-compatible look-ups for platforms: an HMA client pointed at this server finds the same
 * paths, parameters and answer shapes ({@code bank_content_id}, distance as a string), plus the
 * bank's name. Nothing is looked up by URL or upload: no image ever reaches the hotline this way.
 */
@RestController
@RequestMapping(path = "/m", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Matching", description = "Hash look-ups against the hotline's banks (HMA-compatible)")
@SecurityScheme(name = "matchKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key created by an administrator (rk_...) with the match:lookup, match:feed or match:feedback scope")
@SecurityRequirement(name = "matchKey")
class MatchApiController {

    static final String SIGNAL_TYPE = "pdq (64 hex digits), md5 or video_md5 (32), sha256 (64)";

    private final LookingUp lookingUp;

    MatchApiController(LookingUp lookingUp) {
        this.lookingUp = lookingUp;
    }

    @GetMapping("/raw_lookup")
    @Operation(operationId = "rawLookup", summary = "Look a signal up",
            description = "Every active entry within its bank's threshold (PDQ, default 31 bits) or equal (md5, sha256). "
                    + "Without include_distance the answer is a list of entry ids, as in HMA.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "What matched (possibly nothing)", content = @Content(
                            mediaType = "application/json", schema = @Schema(oneOf = {MatchApiModels.RawLookupIds.class,
                            MatchApiModels.RawLookupWithDistance.class}))),
                    @ApiResponse(responseCode = "400", ref = "#/components/responses/MatchBadRequest"),
                    @ApiResponse(responseCode = "401", ref = "#/components/responses/MatchUnauthenticated"),
                    @ApiResponse(responseCode = "403", ref = "#/components/responses/MatchForbidden"),
                    @ApiResponse(responseCode = "429", ref = "#/components/responses/MatchRateLimited"),
                    @ApiResponse(responseCode = "503", ref = "#/components/responses/MatchIndexNotReady")})
    Object rawLookup(LookupQuery query, @AuthenticationPrincipal PartnerKeys.PartnerKey caller) {
        List<MatchIndex.Hit> hits = lookingUp.lookup(caller, query.signalType(), query.signal(), query.quality(), query.banks(), false);
        if (query.includeDistance()) {
            return new MatchApiModels.RawLookupWithDistance(hits.stream().map(MatchApiController::withDistance).toList());
        }
        return new MatchApiModels.RawLookupIds(hits.stream().map(MatchIndex.Hit::entryId).toList());
    }

    @GetMapping("/lookup")
    @Operation(operationId = "lookup", summary = "Look a signal up, by bank",
            description = "Matches grouped by bank name, from banks whose matching is switched on (HMA's /m/lookup with "
                    + "signal_type and signal).",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Matches by bank name (an empty object when nothing matched)"),
                    @ApiResponse(responseCode = "400", ref = "#/components/responses/MatchBadRequest"),
                    @ApiResponse(responseCode = "401", ref = "#/components/responses/MatchUnauthenticated"),
                    @ApiResponse(responseCode = "403", ref = "#/components/responses/MatchForbidden"),
                    @ApiResponse(responseCode = "429", ref = "#/components/responses/MatchRateLimited"),
                    @ApiResponse(responseCode = "503", ref = "#/components/responses/MatchIndexNotReady")})
    Map<String, List<MatchApiModels.MatchWithDistance>> lookup(LookupQuery query,
                                                                @AuthenticationPrincipal PartnerKeys.PartnerKey caller) {
        Map<String, List<MatchApiModels.MatchWithDistance>> byBank = new LinkedHashMap<>();
        for (MatchIndex.Hit hit : lookingUp.lookup(caller, query.signalType(), query.signal(), query.quality(), query.banks(), true)) {
            byBank.computeIfAbsent(hit.bank(), b -> new java.util.ArrayList<>()).add(withDistance(hit));
        }
        return byBank;
    }

    @PostMapping(path = "/raw_lookup/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "rawLookupBatch", summary = "Look up to 1,000 signals up at once",
            description = "The same look-up as raw_lookup with include_distance, for many signals of one type. A batch "
                    + "with any invalid signal is refused as a whole; the problem's errors name each by index.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Matches for each signal, in the order sent"),
                    @ApiResponse(responseCode = "400", ref = "#/components/responses/MatchBadRequest"),
                    @ApiResponse(responseCode = "401", ref = "#/components/responses/MatchUnauthenticated"),
                    @ApiResponse(responseCode = "403", ref = "#/components/responses/MatchForbidden"),
                    @ApiResponse(responseCode = "429", ref = "#/components/responses/MatchRateLimited"),
                    @ApiResponse(responseCode = "503", ref = "#/components/responses/MatchIndexNotReady")})
    MatchApiModels.BatchResult batch(@RequestBody MatchApiModels.BatchRequest request,
                                     @AuthenticationPrincipal PartnerKeys.PartnerKey caller) {
        List<List<MatchIndex.Hit>> hits = lookingUp.batch(caller, request.signalType(), request.signals(), request.banks());
        List<MatchApiModels.SignalMatches> results = new java.util.ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            results.add(new MatchApiModels.SignalMatches(request.signals().get(i).strip().toLowerCase(java.util.Locale.ROOT),
                    hits.get(i).stream().map(MatchApiController::withDistance).toList()));
        }
        return new MatchApiModels.BatchResult(results);
    }

    @GetMapping("/index/status")
    @Operation(operationId = "indexStatus", summary = "How complete and fresh this server's index is",
            description = "By signal type, as in HMA (present, built_to, size), with whether the index is stale.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Status by signal type"),
                    @ApiResponse(responseCode = "400", ref = "#/components/responses/MatchBadRequest"),
                    @ApiResponse(responseCode = "401", ref = "#/components/responses/MatchUnauthenticated"),
                    @ApiResponse(responseCode = "403", ref = "#/components/responses/MatchForbidden"),
                    @ApiResponse(responseCode = "429", ref = "#/components/responses/MatchRateLimited")})
    Map<String, MatchApiModels.IndexStatus> status(
            @Parameter(description = "Only this signal type") @RequestParam(name = "signal_type", required = false) String signalType) {
        MatchIndex.Status status = lookingUp.status();
        List<SignalType> types = signalType == null ? List.of(SignalType.values()) : List.of(LookingUp.type(signalType));
        Map<String, MatchApiModels.IndexStatus> byType = new LinkedHashMap<>();
        for (SignalType type : types) {
            byType.put(type.wireName(), new MatchApiModels.IndexStatus(status.ready(),
                    status.builtTo() == null ? -1 : status.builtTo().getEpochSecond(), status.sizes().get(type),
                    status.stale(), status.syncedAt() == null ? null : status.syncedAt().toString(), status.appliedSequence()));
        }
        return byType;
    }

    static MatchApiModels.MatchWithDistance withDistance(MatchIndex.Hit hit) {
        return new MatchApiModels.MatchWithDistance(hit.entryId(), Integer.toString(hit.distance()), hit.bank());
    }
}
