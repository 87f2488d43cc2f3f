package org.recourse.takedown.internal;

import java.util.Set;

import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TakedownSettings.class)
class TakedownConfiguration {

    /**
     * Analysts work notices and record responses; coordinators also edit templates. (Platforms'
     * response API has its own chain, see ResponsesApiSecurity.)
     */
    @Bean
    RouteRules takedownRouteRules() {
        return rules -> rules
                .requestMatchers("/staff/takedown/templates", "/staff/takedown/templates/**").hasAnyRole("COORDINATOR", "ADMIN")
                .requestMatchers("/staff/takedown", "/staff/takedown/**").hasAnyRole("ANALYST", "COORDINATOR", "ADMIN");
    }

    @Bean
    StaffNavigation takedownNavigation() {
        return new StaffNavigation("takedown.nav", "takedown.nav.description", "/staff/takedown",
                Set.of("ANALYST", "COORDINATOR", "ADMIN"), 300, StaffStage.TAKEDOWN);
    }
}
