package org.recourse.platform.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import org.recourse.platform.PublicUrls;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: the partner and platform APIs only (staff routes
 * are left out by {@code springdoc.paths-to-match}), served at the configured public address.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "ProblemDetail";

    @Bean
    OpenAPI recourseOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Recourse API")
                        .version("1")
                        .description("Partner and platform APIs of a Recourse hotline: partners submit and follow reports; "
                                + "platforms report what they did with a notice, and receive notices through the `notice` "
                                + "webhook they implement. Every call to the hotline needs a key the hotline issued, sent as "
                                + "'Authorization: Bearer <key>'; notices to a platform carry the token the platform gave "
                                + "the hotline, if it gave one. Errors are RFC 9457 problem details.")
                        .license(new License().name("EUPL-1.2").identifier("EUPL-1.2")));
    }

    /**
     * The RFC 9457 problem details every API error is, in place of the schema springdoc derives
     * from Spring's {@code ProblemDetail} class: that one lists a {@code properties} member no
     * answer has, and declares {@code instance} an absolute URI where the answers carry a
     * reference relative to this server. Extension members (such as {@code errors}) are allowed.
     */
    @Bean
    OpenApiCustomizer problemDetailSchema() {
        return api -> {
            if (api.getComponents() == null || api.getComponents().getSchemas() == null
                    || !api.getComponents().getSchemas().containsKey(PROBLEM)) {
                return;
            }
            api.getComponents().addSchemas(PROBLEM, new JsonSchema().types(Set.of("object"))
                    .description("An error, as RFC 9457 problem details (media type application/problem+json). "
                            + "Members other than these are extensions that the operation's answer describes.")
                    .addProperty("type", string("A URI reference naming the kind of problem; absent or about:blank when the status says it all")
                            .format("uri-reference")._default("about:blank"))
                    .addProperty("title", string("A short summary of the kind of problem, in the language asked for"))
                    .addProperty("status", new JsonSchema().types(Set.of("integer")).description("The HTTP status code")
                            .minimum(BigDecimal.valueOf(100)).maximum(BigDecimal.valueOf(599)))
                    .addProperty("detail", string("What went wrong with this request, in the language asked for"))
                    .addProperty("instance", string("A URI reference to this occurrence: the path of the request")
                            .format("uri-reference"))
                    .required(List.of("title", "status")));
        };
    }

    private static Schema<Object> string(String description) {
        return new JsonSchema().types(Set.of("string")).description(description);
    }

    /** The server is the configured public address, filled in when the document is first asked for. */
    @Bean
    OpenApiCustomizer publicServer(PublicUrls urls) {
        return api -> api.setServers(List.of(new Server().url(urls.base().toString()).description("This hotline")));
    }
}
