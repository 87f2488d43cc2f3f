package org.recourse.escalation.internal;

import java.util.Set;

import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.recourse.statistics.Source;
import org.recourse.statistics.StatisticsSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscalationSettings.class)
class EscalationConfiguration {

    /** Analysts and coordinators weigh candidates and dispute refusals. */
    /** Escalations and their outcomes count in the statistics (AnnouncingEscalations publishes them). */
    @Bean
    StatisticsSource escalationsStatistics() {
        return () -> Source.ESCALATIONS;
    }

    @Bean
    RouteRules escalationRouteRules() {
        return rules -> rules
                .requestMatchers("/staff/escalation/templates", "/staff/escalation/templates/**").hasAnyRole("COORDINATOR", "ADMIN")
                .requestMatchers("/staff/escalation", "/staff/escalation/**").hasAnyRole("ANALYST", "COORDINATOR", "ADMIN")
                .requestMatchers("/liaison/escalation", "/liaison/escalation/**").hasRole("LIAISON");
    }

    /** Coordinators edit the letters of enforcement requests per authority and language. */
    @Bean
    StaffNavigation escalationTemplatesNavigation() {
        return new StaffNavigation("escalation.templates.nav", "escalation.templates.nav.description", "/staff/escalation/templates",
                Set.of("COORDINATOR", "ADMIN"), 420, StaffStage.ESCALATION);
    }

    /** Regulators' and police contacts answer the requests filed with their organisation. */
    @Bean
    StaffNavigation liaisonEscalationNavigation() {
        return new StaffNavigation("escalation.liaison.nav", "escalation.liaison.nav.description", "/liaison/escalation",
                Set.of("LIAISON"), 410, StaffStage.ESCALATION);
    }

    @Bean
    StaffNavigation escalationNavigation() {
        return new StaffNavigation("escalation.nav", "escalation.nav.description", "/staff/escalation",
                Set.of("ANALYST", "COORDINATOR", "ADMIN"), 400, StaffStage.ESCALATION);
    }
}
