package org.recourse.audit.internal;

import java.util.Set;

import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    RouteRules auditRouteRules() {
        return rules -> rules.requestMatchers("/staff/audit", "/staff/audit/**").hasAnyRole("AUDITOR", "ADMIN");
    }

    @Bean
    StaffNavigation auditNavigation() {
        return new StaffNavigation("audit.nav", "audit.nav.description", "/staff/audit", Set.of("AUDITOR", "ADMIN"), 900,
                StaffStage.ADMINISTRATION);
    }
}
