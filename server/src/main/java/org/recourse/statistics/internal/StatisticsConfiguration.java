package org.recourse.statistics.internal;

import java.util.Set;

import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.recourse.statistics.internal.disclosure.DisclosureSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DisclosureSettings.class)
class StatisticsConfiguration {

    /**
     * Unsuppressed figures: coordinators and admins; presets: admins; the transparency page: everyone
     * (it shows only protected figures).
     */
    @Bean
    RouteRules statisticsRouteRules() {
        return rules -> rules
                .requestMatchers("/transparantie", "/transparency", "/transparantie/jaarverslagen", "/transparency/annual-reports",
                        "/transparantie/jaarverslagen/*", "/transparency/annual-reports/*").permitAll()
                .requestMatchers("/staff/statistics/presets", "/staff/statistics/presets/**").hasRole("ADMIN")
                .requestMatchers("/staff/statistics", "/staff/statistics/**").hasAnyRole("COORDINATOR", "ADMIN");
    }

    @Bean
    StaffNavigation statisticsNavigation() {
        return new StaffNavigation("statistics.nav", "statistics.nav.description", "/staff/statistics",
                Set.of("COORDINATOR", "ADMIN"), 600, StaffStage.STATISTICS);
    }

    @Bean
    StaffNavigation statisticsPresetsNavigation() {
        return new StaffNavigation("statistics.presets.nav", "statistics.presets.nav.description", "/staff/statistics/presets",
                Set.of("ADMIN"), 610, StaffStage.STATISTICS);
    }
}
