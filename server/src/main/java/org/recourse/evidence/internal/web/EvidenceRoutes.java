package org.recourse.evidence.internal.web;

import java.util.Set;

import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may reach the evidence pages. Analysts and coordinators work with evidence; auditors may
 * read an object's chain of custody but not its content; liaisons see only the packages made
 * available to their organisation. Reporters (anonymous) never reach any of it.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceRoutes {

    @Bean
    RouteRules evidenceRouteRules() {
        return rules -> rules
                .requestMatchers("/staff/evidence/verify").hasAnyRole("ADMIN", "COORDINATOR", "ANALYST", "LIAISON", "AUDITOR")
                .requestMatchers("/staff/evidence/objects/{id}").hasAnyRole("COORDINATOR", "ANALYST", "AUDITOR")
                .requestMatchers("/staff/evidence", "/staff/evidence/**").hasAnyRole("COORDINATOR", "ANALYST")
                .requestMatchers("/liaison/evidence", "/liaison/evidence/**").hasRole("LIAISON");
    }

    @Bean
    StaffNavigation evidenceNavigation() {
        return new StaffNavigation("evidence.nav.cases", "evidence.nav.cases.description", "/staff/evidence",
                Set.of("ANALYST", "COORDINATOR"), 30, StaffStage.INTAKE);
    }

    @Bean
    StaffNavigation evidenceVerifyNavigation() {
        return new StaffNavigation("evidence.nav.verify", "evidence.nav.verify.description", "/staff/evidence/verify",
                Set.of("ADMIN", "COORDINATOR", "ANALYST", "LIAISON", "AUDITOR"), 880,
                StaffStage.ADMINISTRATION);
    }

    @Bean
    StaffNavigation liaisonPackagesNavigation() {
        return new StaffNavigation("evidence.nav.liaison", "evidence.nav.liaison.description", "/liaison/evidence",
                Set.of("LIAISON"), 20, StaffStage.ESCALATION);
    }
}
