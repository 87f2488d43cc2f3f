package org.recourse.platform.internal;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
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

    @Bean
    OpenAPI recourseOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Recourse API")
                        .version("1")
                        .description("Partner and platform APIs of a Recourse hotline: partners submit and follow reports; "
                                + "platforms report what they did with a notice, and receive notices through the `notice` "
                                + "webhook they implement. Every call needs a key issued by the hotline, sent as "
                                + "'Authorization: Bearer <key>'. Errors are RFC 9457 problem details.")
                        .license(new License().name("EUPL-1.2").identifier("EUPL-1.2")));
    }

    /** The server is the configured public address, filled in when the document is first asked for. */
    @Bean
    OpenApiCustomizer publicServer(PublicUrls urls) {
        return api -> api.setServers(List.of(new Server().url(urls.base().toString()).description("This hotline")));
    }
}
