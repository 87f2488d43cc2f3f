package org.recourse.directory.internal;

import java.util.Set;
import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    /**
     * Analysts read the directory to route cases and confirm hosters found through RDAP; only
     * coordinators and administrators change entries and domain rules.
     */
    @Bean
    RouteRules directoryRouteRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/staff/directory/hosting/contacts/*/confirm")
                .hasAnyRole("ANALYST", "COORDINATOR", "ADMIN")
                .requestMatchers(HttpMethod.GET, "/staff/directory/new", "/staff/directory/*/edit")
                .hasAnyRole("COORDINATOR", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/staff/directory", "/staff/directory/**")
                .hasAnyRole("COORDINATOR", "ADMIN")
                .requestMatchers(HttpMethod.GET, "/staff/directory", "/staff/directory/**")
                .hasAnyRole("ANALYST", "COORDINATOR", "ADMIN");
    }

    @Bean
    StaffNavigation directoryNavigation() {
        return new StaffNavigation("directory.nav", "directory.nav.description", "/staff/directory",
                Set.of("ANALYST", "COORDINATOR", "ADMIN"), 500, StaffStage.TAKEDOWN);
    }

    @Bean
    StaffNavigation hostingNavigation() {
        return new StaffNavigation("directory.hosting.nav", "directory.hosting.nav.description", "/staff/directory/hosting",
                Set.of("ANALYST", "COORDINATOR", "ADMIN"), 510, StaffStage.TAKEDOWN);
    }
}
