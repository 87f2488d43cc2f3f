package org.recourse.routing.internal;

import java.util.Set;
import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    /** Analysts read the rules and try them out; coordinators and administrators change them. */
    @Bean
    RouteRules routingRouteRules() {
        return rules -> rules
                .requestMatchers("/staff/routing/draft", "/staff/routing/draft/**").hasAnyRole("COORDINATOR", "ADMIN")
                .requestMatchers(org.springframework.http.HttpMethod.GET, "/staff/routing", "/staff/routing/versions/*",
                        "/staff/routing/try").hasAnyRole("ANALYST", "COORDINATOR", "ADMIN");
    }

    @Bean
    StaffNavigation routingNavigation() {
        return new StaffNavigation("routing.nav", "routing.nav.description", "/staff/routing",
                Set.of("ANALYST", "COORDINATOR", "ADMIN"), 520, StaffStage.TAKEDOWN);
    }
}
