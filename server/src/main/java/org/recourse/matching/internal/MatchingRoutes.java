package org.recourse.matching.internal;

import java.util.Set;

import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may reach matching's staff pages, and their place in the staff menu. */
@Configuration(proxyBeanMethods = false)
class MatchingRoutes {

    @Bean
    RouteRules matchingRouteRules() {
        return rules -> rules.requestMatchers("/staff/matching/**").hasAnyRole("ANALYST", "COORDINATOR");
    }

    @Bean
    StaffNavigation matchingNavigation() {
        return new StaffNavigation("matching.nav.findings", "matching.nav.findings.description", "/staff/matching/findings",
                Set.of("ANALYST", "COORDINATOR"), 45);
    }
}
