package org.recourse.platform.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI recourseOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Recourse API")
                .version("1")
                .description("Partner and platform APIs of a Recourse hotline. Every call needs an API key "
                        + "issued by the hotline's administrators, sent as 'Authorization: Bearer <key>'.")
                .license(new License().name("Open source")));
    }
}
