package org.recourse.matching.internal;

import org.recourse.platform.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may reach matching's staff pages. */
@Configuration(proxyBeanMethods = false)
class MatchingRoutes {

    @Bean
    RouteRules matchingRouteRules() {
        return rules -> rules.requestMatchers("/staff/matching/**").hasAnyRole("ANALYST", "COORDINATOR")
                .requestMatchers("/hashen", "/hash-images", "/hashen/nieuw", "/hash-images/new", "/hashen/ontvangen",
                        "/hash-images/received").permitAll();
    }
}
