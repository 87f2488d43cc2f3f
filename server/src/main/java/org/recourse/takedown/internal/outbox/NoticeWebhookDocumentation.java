package org.recourse.takedown.internal.outbox;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the notice API that platforms implement, as the OpenAPI webhook {@code notice}: what
 * {@link PlatformApiChannel} posts to the {@code noticeApi} URL in a platform's directory entry,
 * the headers it sends and the answers it understands. Generated from {@link NoticeMessage}, the
 * type the channel serialises, so the description cannot drift from what is sent.
 */
@Component
class NoticeWebhookDocumentation implements OpenApiCustomizer {

    private static final String TAG = "Notices to platforms";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        Map<String, Schema> schemas = ModelConverters.getInstance(true).readAll(NoticeMessage.class);
        nullable(schemas.get("Notice"), "notifier", new JsonSchema().$ref("#/components/schemas/NoticeNotifier"));
        nullable(schemas.get("Notice"), "notifierLeftOutReason", new JsonSchema().types(Set.of("string"))
                ._enum(List.of("child_sexual_abuse_material")));
        schemas.forEach(api.getComponents()::addSchemas);
        api.getComponents().addSecuritySchemes("platformToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("The token a platform gives the hotline for its notice API, if it asks for one"));
        api.addTagsItem(new Tag().name(TAG).description("The API a platform offers to receive the hotline's notices"));
        Operation receive = new Operation()
                .operationId("receiveNotice")
                .summary("Receive a notice of illegal content")
                .description("The hotline posts each notice once to the platform's notice API. A retry after a lost answer "
                        + "carries the same Idempotency-Key (the notice reference); the platform should treat it as the "
                        + "same notice. Any 2xx answer counts as delivered; the optional `id` in the answer is kept as the "
                        + "platform's own reference. Any other answer is retried later.")
                .addTagsItem(TAG)
                // The token is sent only when the platform gave one.
                .addSecurityItem(new SecurityRequirement().addList("platformToken"))
                .addSecurityItem(new SecurityRequirement())
                .addParametersItem(new HeaderParameter().name("Idempotency-Key").required(true)
                        .description("The notice reference, the same on every attempt").schema(new StringSchema()))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Notice")))))
                .responses(new ApiResponses()
                        .addApiResponse("201", new ApiResponse().description("Notice accepted; `id` is the platform's reference")
                                .content(new Content().addMediaType("application/json", new MediaType().schema(new JsonSchema()
                                        .types(Set.of("object")).addProperty("id", new StringSchema().description("The platform's reference"))))))
                        .addApiResponse("400", problem("The notice is malformed (the hotline records the answer and alerts an analyst)"))
                        .addApiResponse("401", problem("The token is missing or wrong"))
                        .addApiResponse("429", problem("Too many notices; the hotline retries later")
                                .addHeaderObject("Retry-After", new Header().schema(new StringSchema()))));
        api.addWebhooks("notice", new PathItem().post(receive));
    }

    /**
     * A member the channel always sends, as {@code value} or JSON {@code null}. Written out here
     * because swagger's {@code nullable} becomes {@code type: null} beside a {@code $ref} under
     * OpenAPI 3.1, which no value satisfies.
     */
    private static void nullable(Schema<?> object, String property, Schema<?> value) {
        Schema<?> annotated = object.getProperties().get(property);
        object.getProperties().put(property, new JsonSchema().description(annotated.getDescription())
                .oneOf(List.of(value, new JsonSchema().types(Set.of("null")))));
        object.addRequiredItem(property);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }
}
