package org.recourse.matching.internal.api;

import java.util.Set;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The problems the match API answers with, as shared responses the operations refer to: each is
 * RFC 9457 problem details with a {@code code} member naming the kind of problem.
 */
@Configuration(proxyBeanMethods = false)
class MatchApiDocumentation {

    private static final String PROBLEM = "MatchProblem";

    @Bean
    OpenApiCustomizer matchApiProblems() {
        return api -> {
            if (api.getComponents() == null) {
                return;
            }
            api.getComponents().addSchemas(PROBLEM, new JsonSchema().types(Set.of("object"))
                    .description("RFC 9457 problem details (application/problem+json) with the kind of problem in `code`")
                    .addProperty("type", string("about:blank"))
                    .addProperty("title", string("A short summary, in the language asked for"))
                    .addProperty("status", new JsonSchema().types(Set.of("integer")).description("The HTTP status code"))
                    .addProperty("detail", string("What is wrong with this request, in the language asked for"))
                    .addProperty("instance", string("The path of the request").format("uri-reference"))
                    .addProperty("code", string("The kind of problem, e.g. malformed_hex, wrong_length, unknown_signal_type, "
                            + "quality_zero, batch_too_large, invalid_batch, checkpoint_ahead, unknown_entry, index_not_ready"))
                    .addProperty("errors", new JsonSchema().types(Set.of("array"))
                            .description("For a refused batch: each invalid signal's index and code")
                            .items(new JsonSchema().types(Set.of("object"))
                                    .addProperty("index", new JsonSchema().types(Set.of("integer")))
                                    .addProperty("code", string("The kind of problem with this signal")))));
            api.getComponents()
                    .addResponses("MatchBadRequest", problem("The request is malformed: see code and detail"))
                    .addResponses("MatchUnauthenticated", problem("Missing, unknown or revoked API key"))
                    .addResponses("MatchForbidden", problem("The key lacks the scope this call needs"))
                    .addResponses("MatchNotFound", problem("No such entry"))
                    .addResponses("MatchRateLimited", problem("Rate limit of the key exceeded; see Retry-After")
                            .addHeaderObject("Retry-After", retryAfter()))
                    .addResponses("MatchIndexNotReady", problem("This server is still building its index after a start; "
                            + "try again after Retry-After (or another server)").addHeaderObject("Retry-After", retryAfter()));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Header retryAfter() {
        return new Header().description("Seconds to wait before trying again")
                .schema(new JsonSchema().types(Set.of("integer")));
    }

    private static Schema<Object> string(String description) {
        return new JsonSchema().types(Set.of("string")).description(description);
    }
}
