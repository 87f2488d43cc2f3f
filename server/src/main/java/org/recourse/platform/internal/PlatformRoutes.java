package org.recourse.platform.internal;

import org.recourse.platform.RouteRules;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may reach the platform's own routes. */
@Configuration(proxyBeanMethods = false)
class PlatformRoutes {

    @Bean
    RouteRules platformRouteRules() {
        return rules -> rules
                .requestMatchers("/", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico")
                .permitAll()
                .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("ADMIN")
                .requestMatchers("/staff").hasAnyRole("ADMIN", "COORDINATOR", "ANALYST", "LIAISON", "AUDITOR");
    }
}
