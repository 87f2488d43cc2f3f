package org.recourse.matching.internal.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The match API's request and answer bodies, named as HMA names them where HMA has them. */
final class MatchApiModels {

    private MatchApiModels() {
    }

    @Schema(name = "MatchWithDistance", description = "An entry that matched, with its bank and the distance")
    record MatchWithDistance(
            @Schema(description = "The entry's id: opaque, stable, never a case number", requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonProperty("bank_content_id") long bankContentId,
            @Schema(description = "Hamming distance for PDQ (0–256), 0 for exact signals; a string, as in HMA",
                    requiredMode = Schema.RequiredMode.REQUIRED) String distance,
            @Schema(description = "The bank the entry is in", requiredMode = Schema.RequiredMode.REQUIRED) String bank) {
    }

    @Schema(name = "RawLookupIds", description = "Ids of the entries that matched (HMA's answer without include_distance)")
    record RawLookupIds(@ArraySchema(schema = @Schema(type = "integer", format = "int64")) List<Long> matches) {
    }

    @Schema(name = "RawLookupWithDistance", description = "The entries that matched, nearest first (include_distance=true)")
    record RawLookupWithDistance(List<MatchWithDistance> matches) {
    }

    @Schema(name = "BatchLookupRequest", description = "Up to 1,000 signals of one type to look up at once")
    record BatchRequest(
            @Schema(description = "pdq, md5 (also video_md5) or sha256", requiredMode = Schema.RequiredMode.REQUIRED, example = "pdq")
            @JsonProperty("signal_type") String signalType,
            @ArraySchema(schema = @Schema(description = "A signal in hex"), maxItems = 1000, minItems = 1) List<String> signals,
            @Schema(description = "Comma-separated bank names to look in; all banks when absent") String banks) {
    }

    @Schema(name = "BatchLookupResult", description = "For each signal sent, in the same order, what matched")
    record BatchResult(List<SignalMatches> results) {
    }

    @Schema(name = "BatchLookupSignalMatches")
    record SignalMatches(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String signal,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<MatchWithDistance> matches) {
    }

    @Schema(name = "IndexStatus", description = "How complete and how fresh this server's index of one signal type is")
    record IndexStatus(
            @Schema(description = "Whether the index is built and answering", requiredMode = Schema.RequiredMode.REQUIRED) boolean present,
            @Schema(description = "Time of the newest change the index holds, seconds since 1970 (-1: none)",
                    requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("built_to") long builtTo,
            @Schema(description = "Active entries of this type", requiredMode = Schema.RequiredMode.REQUIRED) int size,
            @Schema(description = "True when the index has not caught up with the banks for longer than the stale limit (5 s)",
                    requiredMode = Schema.RequiredMode.REQUIRED) boolean stale,
            @Schema(description = "When this server last caught up with the banks (ISO 8601), null before the first build")
            @JsonProperty("synced_at") String syncedAt,
            @Schema(description = "The feed checkpoint this index has reached", requiredMode = Schema.RequiredMode.REQUIRED)
            long checkpoint) {
    }

    @Schema(name = "FeedPage", description = "Additions and removals after a checkpoint, oldest first")
    record FeedPage(
            @Schema(description = "Pass this as checkpoint to read on", requiredMode = Schema.RequiredMode.REQUIRED) long checkpoint,
            @Schema(description = "True when further changes wait already", requiredMode = Schema.RequiredMode.REQUIRED) boolean more,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<FeedChange> changes) {
    }

    @Schema(name = "FeedChange", description = "An entry added to a bank (with its signal) or removed from it (id only)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FeedChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long sequence,
                      @Schema(allowableValues = {"add", "remove"}, requiredMode = Schema.RequiredMode.REQUIRED) String op,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String bank,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("bank_content_id") long bankContentId,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("signal_type") String signalType,
                      @Schema(description = "The signal in hex; additions only") String signal) {
    }

    @Schema(name = "MatchFeedback", description = "What the platform did with content that matched an entry")
    record Feedback(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("bank_content_id") Long bankContentId,
                    @Schema(allowableValues = {"blocked", "not_blocked", "not_matching_policy"},
                            requiredMode = Schema.RequiredMode.REQUIRED) String verdict) {
    }

    @Schema(name = "MatchFeedbackRecorded")
    record FeedbackRecorded(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id) {
    }
}
